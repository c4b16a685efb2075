// tests/ace/batch.js - Ace by DAISY on several books in one Node.js process
// and one headless Chromium (tests/run-ace.sh).
//
//   node tests/ace/batch.js ACE_HOME OUT CASE...
//
// For each CASE, Ace checks OUT/CASE.epub and writes its report to OUT/CASE/
// (report.json, report.html), exactly as `ace-puppeteer --force --outdir
// OUT/CASE --tempdir OUT/tmp-CASE OUT/CASE.epub` does: the same ace-core
// call with the same options and the same axe runner. What differs is only
// that Chromium is started once for all the books instead of once per book
// (ace-core asks its runner to launch and close around each book; here the
// first launch stays up until the last book is done), and Node.js and Ace's
// modules load once. The exit status of each book (0, or 1 when Ace
// failed, with the reason) goes to OUT/CASE.ace.status and OUT/CASE.ace.log.
'use strict';

const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

async function main() {
	const [aceHome, out, ...cases] = process.argv.slice(2);
	const aceRequire = createRequire(path.join(path.resolve(aceHome), 'package.json'));
	const ace = aceRequire('@daisy/ace-core');
	const logger = aceRequire('@daisy/ace-logger');
	const runner = aceRequire('@daisy/ace-axe-runner-puppeteer');

	logger.initLogger({ verbose: false, silent: true, fileName: 'ace-batch.log' });
	const launch = runner.launch.bind(runner);
	const close = runner.close.bind(runner);
	let launched = false;
	runner.launch = async () => {
		if (!launched) {
			await launch();
			launched = true;
		}
	};
	runner.close = async () => {};

	try {
		for (const c of cases) {
			const log = path.join(out, c + '.ace.log');
			let status = 0;
			try {
				await ace(path.join(out, c + '.epub'), {
					cwd: process.cwd(),
					outdir: path.join(out, c),
					tmpdir: path.join(out, 'tmp-' + c),
					verbose: false,
					silent: true,
					jobId: '',
				}, runner);
				fs.writeFileSync(log, '');
			} catch (err) {
				status = 1;
				fs.writeFileSync(log, String(err && err.stack ? err.stack : err) + '\n');
			}
			fs.writeFileSync(path.join(out, c + '.ace.status'), status + '\n');
			fs.rmSync(path.join(out, 'tmp-' + c), { recursive: true, force: true });
		}
	} finally {
		if (launched)
			await close();
	}
}

main().then(() => process.exit(0), (err) => {
	console.error(err && err.stack ? err.stack : err);
	process.exit(1);
});
