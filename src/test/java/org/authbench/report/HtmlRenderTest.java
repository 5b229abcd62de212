package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.authbench.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the generated report.html in headless Chromium, offline, and checks the screenshot shows the page and
 * its charts (pixels of the charts' own blue, which nothing else on the page uses). The browser is
 * {@code AUTHBENCH_CHROMIUM} when set, else the first of chromium, chromium-browser, google-chrome,
 * google-chrome-stable on PATH, else Chrome or Chromium in macOS's /Applications; skipped when none is found.
 */
class HtmlRenderTest {

    private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable", "chrome.exe", "msedge.exe");
    private static final List<Path> MAC_APPS = List.of(
            Path.of("/Applications/Chromium.app/Contents/MacOS/Chromium"),
            Path.of("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"));
    private static final int CHART_BLUE = 0x3b75af;

    @TempDir
    Path tmp;

    @Test
    void reportRendersWithItsChartsInAHeadlessBrowser() throws Exception {
        Optional<Path> browser = chromium();
        assumeTrue(browser.isPresent(), "no Chromium (set AUTHBENCH_CHROMIUM or put chromium on PATH): headless "
                + "rendering check skipped");
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        for (String f : List.of("jmh-result.json", "manifest.json")) {
            Files.copy(Path.of(HtmlRenderTest.class.getResource("/report/standard-run/" + f).toURI()), run.resolve(f));
        }
        assertThat(Main.execute("report", run.toString())).isEqualTo(Main.OK);
        Path shot = tmp.resolve("shot.png");
        Process p = new ProcessBuilder(browser.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"), "--screenshot=" + shot,
                "--window-size=1200,3200", run.resolve("report.html").toUri().toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s; log: " + Files.readString(tmp.resolve("chromium.log")));
        }
        assertThat(shot).as("screenshot; chromium log: " + log()).exists();
        BufferedImage img = ImageIO.read(shot.toFile());
        int nonWhite = 0;
        int chartBlue = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (rgb != 0xffffff) {
                    nonWhite++;
                }
                if (near(rgb, CHART_BLUE)) {
                    chartBlue++;
                }
            }
        }
        int sampled = (img.getWidth() / 2) * (img.getHeight() / 2);
        assertThat(nonWhite).as("non-white pixels of " + sampled).isGreaterThan(sampled / 50);
        assertThat(chartBlue).as("pixels of the charts' blue").isGreaterThan(500);
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

    private static boolean near(int rgb, int target) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((rgb >> shift) & 0xff) - ((target >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }
}
