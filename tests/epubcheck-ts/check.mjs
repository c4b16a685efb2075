// tests/epubcheck-ts/check.mjs HOME EPUB - epubcheck-ts (installed in HOME
// by scripts/deps.sh test) on one EPUB, its report written the way
// epubcheck 4 writes its own, so that the same greps read both:
//   ERROR(RSC-005): book.epub/EPUB/text/a.xhtml(12,3): message
// and last
//   epubcheck-ts 0.7.0: Messages: 0 fatals / 0 errors / 0 warnings / 0 infos
// (tests/lib.sh, run_epubcheck and epubcheck_summary). Exits 0 when the
// report was written, whatever it says; 2 when the validator could not run.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const [home, epub] = process.argv.slice(2);
if (!home || !epub) {
	console.error("usage: check.mjs HOME EPUB");
	process.exit(2);
}
const pkg = join(home, "node_modules", "@likecoin", "epubcheck-ts");
try {
	const { EpubCheck, VERSION } = await import(pathToFileURL(join(pkg, "dist", "index.js")).href);
	const name = basename(epub);
	const result = await EpubCheck.validate(await readFile(epub), {}, name);
	const label = { fatal: "FATAL", error: "ERROR", warning: "WARNING", info: "INFO", usage: "USAGE" };
	for (const m of result.messages) {
		const sev = label[m.severity] ?? String(m.severity).toUpperCase();
		if (sev === "USAGE") continue;
		let where = name;
		if (m.location) {
			where += "/" + (m.location.path ?? "");
			if (m.location.line !== undefined) {
				where += `(${m.location.line},${m.location.column ?? -1})`;
			}
		}
		console.log(`${sev}(${m.id}): ${where}: ${m.message}`);
	}
	const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
	console.log(
		`epubcheck-ts ${VERSION}: Messages: ${plural(result.fatalCount, "fatal")} / ` +
			`${plural(result.errorCount, "error")} / ${plural(result.warningCount, "warning")} / ` +
			`${plural(result.infoCount, "info")}`,
	);
} catch (e) {
	console.error(`epubcheck-ts could not check ${epub}: ${e && e.stack ? e.stack : e}`);
	process.exit(2);
}
