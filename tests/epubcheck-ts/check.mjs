// tests/epubcheck-ts/check.mjs HOME EPUB [DISPUTED] - epubcheck-ts
// (installed in HOME by scripts/deps.sh test) on one EPUB, its report
// written the way epubcheck 4 writes its own, so that the same greps read
// both:
//   ERROR(RSC-005): book.epub/EPUB/text/a.xhtml(12,3): message
// and last
//   epubcheck-ts 0.7.0: Messages: 0 fatals / 0 errors / 0 warnings / 0 infos
// (tests/lib.sh, run_epubcheck and epubcheck_summary).
//
// DISPUTED, a file, lists messages where epubcheck-ts is wrong by the EPUB
// 3.3 specification, one "CODE TEXT" a line (TEXT must occur in the
// message; lines starting with # say why). Such a message is written as
// DISPUTED(CODE) and not counted.
//
// Exits 0 when the report was written, whatever it says; 2 when the
// validator could not run.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const [home, epub, disputedFile] = process.argv.slice(2);
if (!home || !epub) {
	console.error("usage: check.mjs HOME EPUB [DISPUTED]");
	process.exit(2);
}
const disputed = [];
if (disputedFile) {
	for (const line of (await readFile(disputedFile, "utf8")).split("\n")) {
		const t = line.trim();
		if (t === "" || t.startsWith("#")) continue;
		const sp = t.indexOf(" ");
		disputed.push({ id: sp < 0 ? t : t.slice(0, sp), text: sp < 0 ? "" : t.slice(sp + 1) });
	}
}
const isDisputed = (m) => disputed.some((d) => d.id === m.id && m.message.includes(d.text));
const pkg = join(home, "node_modules", "@likecoin", "epubcheck-ts");
try {
	const { EpubCheck, VERSION } = await import(pathToFileURL(join(pkg, "dist", "index.js")).href);
	const name = basename(epub);
	const result = await EpubCheck.validate(await readFile(epub), {}, name);
	const label = { fatal: "FATAL", error: "ERROR", warning: "WARNING", info: "INFO", usage: "USAGE" };
	const count = { fatal: 0, error: 0, warning: 0, info: 0 };
	for (const m of result.messages) {
		let sev = label[m.severity] ?? String(m.severity).toUpperCase();
		if (sev === "USAGE") continue;
		if (isDisputed(m)) sev = "DISPUTED";
		else if (m.severity in count) count[m.severity]++;
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
		`epubcheck-ts ${VERSION}: Messages: ${plural(count.fatal, "fatal")} / ` +
			`${plural(count.error, "error")} / ${plural(count.warning, "warning")} / ` +
			`${plural(count.info, "info")}`,
	);
} catch (e) {
	console.error(`epubcheck-ts could not check ${epub}: ${e && e.stack ? e.stack : e}`);
	process.exit(2);
}
