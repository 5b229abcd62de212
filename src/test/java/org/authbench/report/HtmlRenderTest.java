package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.authbench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the generated report.html in headless Chromium, offline, and checks what the browser drew: the decision
 * table with a size on screen, and every chart file of the run as a decoded image on the page. The browser is
 * {@code AUTHBENCH_CHROMIUM} when set, else the first of chromium, chromium-browser, google-chrome,
 * google-chrome-stable on PATH, else Chrome or Chromium in macOS's /Applications; skipped when none is found.
 */
class HtmlRenderTest {

    private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome.exe", "msedge.exe");
    private static final List<Path> MAC_APPS = List.of(
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));

    @TempDir
    Path tmp;

    @Test
    void theDecisionTableAndEveryChartRenderInAHeadlessBrowser() throws Exception {
        Optional<Path> browser = chromium();
        // CI (.ci/run) installs Chromium and sets AUTHBENCH_REQUIRE_BROWSER: there a missing browser is a failure.
        if ("1".equals(System.getenv("AUTHBENCH_REQUIRE_BROWSER"))) {
            assertThat(browser).as("AUTHBENCH_REQUIRE_BROWSER=1 but no Chromium on PATH").isPresent();
        }
        assumeTrue(browser.isPresent(), "no Chromium (set AUTHBENCH_CHROMIUM or put chromium on PATH): headless "
                + "rendering check skipped");
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        for (String f : List.of("jmh-result.json", "manifest.json")) {
            Files.copy(Path.of(HtmlRenderTest.class.getResource("/report/standard-run/" + f).toURI()), run.resolve(f));
        }
        assertThat(Main.execute("report", run.toString())).isEqualTo(Main.OK);
        List<String> charts;
        try (Stream<Path> files = Files.list(run.resolve("charts"))) {
            charts = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(charts).contains("schemes.png", "scaling.png");
        // The report has no script; a page of the test's own loads it in a frame and reports what the browser drew:
        // the decision table's size on screen, and each chart image's decoded size.
        Path probe = tmp.resolve("probe.html");
        Files.writeString(probe, """
                <!DOCTYPE html><html><body><pre id="out">not loaded</pre>
                <iframe id="f" style="width:1200px;height:2000px" src="%s"></iframe>
                <script>
                document.getElementById('f').onload = function () {
                  var d = this.contentDocument, out = [];
                  var t = d.querySelector('section#decision table');
                  var r = t ? t.getBoundingClientRect() : null;
                  out.push('decision ' + (t ? Math.round(r.width) + 'x' + Math.round(r.height) + ' ' + t.rows.length : 'missing'));
                  d.querySelectorAll('figure img').forEach(function (img) {
                    out.push('chart ' + img.naturalWidth + 'x' + img.naturalHeight + ' ' + img.alt);
                  });
                  document.getElementById('out').textContent = out.join('\\n');
                };
                </script></body></html>
                """.formatted(run.resolve("report.html").toUri()));
        Process p = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--allow-file-access-from-files", "--virtual-time-budget=20000",
                "--user-data-dir=" + tmp.resolve("profile"), "--dump-dom", probe.toUri().toString())
                .redirectError(tmp.resolve("chromium.log").toFile()).redirectOutput(tmp.resolve("dom.html").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s; log: " + log());
        }
        String dom = Files.readString(tmp.resolve("dom.html"));
        int from = dom.indexOf("<pre id=\"out\">");
        int to = dom.indexOf("</pre>", Math.max(from, 0));
        List<String> lines = from < 0 || to < 0 ? List.of()
                : dom.substring(from + "<pre id=\"out\">".length(), to).lines().toList();
        assertThat(lines).as("what the browser drew; chromium log: " + log()).isNotEmpty();
        assertThat(lines.get(0)).matches("decision \\d{3,4}x\\d{2,4} \\d+");
        String[] size = lines.get(0).split(" ")[1].split("x");
        assertThat(Integer.parseInt(size[1])).as("decision table height on screen").isGreaterThan(100);
        List<String> drawn = lines.subList(1, lines.size());
        assertThat(drawn).as("one decoded image per chart file").hasSize(charts.size())
                .allMatch(l -> l.matches("chart (\\d{3,4})x(\\d{3,4}) .+"), "decoded (non-zero size)");
        assertThat(drawn).noneMatch(l -> l.startsWith("chart 0x"));
    }

    static Optional<Path> chromium() {
        String set = System.getenv("AUTHBENCH_CHROMIUM");
        if (set != null && !set.isBlank()) {
            // An explicit choice that does not exist is a mistake to report, not a reason to look elsewhere.
            Path p = Path.of(set);
            if (!Files.isExecutable(p)) {
                throw new AssertionError("AUTHBENCH_CHROMIUM=" + set + " is not an executable file");
            }
            return Optional.of(p);
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String name : ON_PATH) {
                for (String dir : path.split(File.pathSeparator)) {
                    if (dir.isEmpty()) {
                        continue;
                    }
                    Path p = Path.of(dir, name);
                    if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                        return Optional.of(p);
                    }
                }
            }
        }
        return MAC_APPS.stream().filter(Files::isExecutable).findFirst();
    }

    private String log() throws IOException {
        Path l = tmp.resolve("chromium.log");
        return Files.exists(l) ? Files.readString(l) : "";
    }
}
