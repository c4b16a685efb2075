// tests/epubcheck/EpubcheckServer.java - Debian's epubcheck 4.2.6 for a
// whole test script in one JVM (tests/lib.sh: epubcheck_server_start).
//
// A JVM that starts epubcheck spends about 2.5 s of CPU before and while
// it checks a small book, most of it compiling epubcheck's schemas and
// warming up; the same check in a JVM that has done one already takes a
// fraction of that. So each test script that checks many books starts
// this program once, with java's source-file launcher (no build step;
// Debian's JRE has the compiler module), on the epubcheck jar's class
// path and with the same JVM options as a separate run:
//
//   java OPTIONS -cp epubcheck.jar EpubcheckServer DIR PARENT_PID
//
// It writes DIR/ready once it runs, then takes requests: a file
// DIR/req/ID.req (made under another name and renamed, so that it is whole)
// holds the EPUB's path and the report's path, one per line. For each, in
// name order and one at a time, it runs epubcheck's own command line
// (com.adobe.epubcheck.tool.EpubChecker, what `java -jar epubcheck.jar
// EPUB` runs) with standard output and error going to the report, then
// writes its exit status to DIR/done/ID.done, again by renaming. It ends
// when DIR/stop exists and no request waits, or when PARENT_PID has ended.
//
// The report is the same, line for line, as a separate `java -jar` run's
// (compared on the 17 test books and 52 bad-input books when this was
// written); a check
// that throws writes the stack trace there and status 3, which the test
// then reads as a report without its summary line: a failure.

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

public class EpubcheckServer {
	public static void main(String[] args) throws Exception {
		Path dir = Paths.get(args[0]);
		long parent = Long.parseLong(args[1]);
		Path req = dir.resolve("req"), done = dir.resolve("done");
		Files.createDirectories(req);
		Files.createDirectories(done);
		Files.writeString(dir.resolve("ready"), "");
		PrintStream out = System.out, err = System.err;
		// What a separate run's standard output would be written in (Java
		// 19 and later name it; before, it is the platform's encoding).
		String encoding = System.getProperty("stdout.encoding",
		                                     System.getProperty("native.encoding",
		                                                        Charset.defaultCharset().name()));
		long lastLook = 0;
		while (true) {
			String[] names = req.toFile().list((d, n) -> n.endsWith(".req"));
			if (names == null || names.length == 0) {
				if (Files.exists(dir.resolve("stop")))
					break;
				long now = System.currentTimeMillis();
				if (now - lastLook > 1000) {
					lastLook = now;
					if (!ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false))
						break;
				}
				Thread.sleep(5);
				continue;
			}
			Arrays.sort(names);
			for (String name : names) {
				Path r = req.resolve(name);
				List<String> lines = Files.readAllLines(r, StandardCharsets.UTF_8);
				Files.delete(r);
				int status = 3;
				if (lines.size() >= 2) {
					try (PrintStream report =
					         new PrintStream(new FileOutputStream(lines.get(1)), true, encoding)) {
						System.setOut(report);
						System.setErr(report);
						try {
							status = new com.adobe.epubcheck.tool.EpubChecker()
							             .run(new String[] {lines.get(0)});
						} catch (Throwable t) {
							t.printStackTrace(report);
						}
					} catch (IOException e) {
						e.printStackTrace(err);
					} finally {
						System.setOut(out);
						System.setErr(err);
					}
				}
				String id = name.substring(0, name.length() - 4);
				Path tmp = done.resolve(id + ".tmp");
				Files.writeString(tmp, status + "\n");
				Files.move(tmp, done.resolve(id + ".done"), StandardCopyOption.ATOMIC_MOVE);
			}
		}
	}
}
