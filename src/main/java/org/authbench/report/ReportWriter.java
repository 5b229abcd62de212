package org.authbench.report;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;

/**
 * Writes the report files of a run folder from its run files alone: {@code report.md}, {@code report.html}
 * (self-contained), {@code summary.csv} and {@code charts/*.png}. Each file is written atomically; the run
 * files ({@code jmh-result.json}, {@code manifest.json}, {@code latency/}, {@code conformance.json}) are only read.
 *
 * <pre>java -jar target/authbench.jar report results/runs/&lt;run folder&gt;</pre>
 */
public final class ReportWriter {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";
    public static final String CSV = "summary.csv";
    public static final String CHARTS = "charts";

    private ReportWriter() {
    }

    /** (Re)writes every report file; returns the paths of report.html and report.md. */
    public static List<Path> write(Path runDir) throws IOException {
        RunFolder run = RunFolder.read(runDir);
        requireTimeUnits(run);
        Doc doc = ReportBuilder.build(run);
        AtomicWrite.write(runDir.resolve(CSV), SummaryCsv.render(run.rows()));
        return writeDoc(doc, runDir);
    }

    /**
     * Writes the merged report of several run folders (machine as the axis) into {@code out}, a new or empty folder:
     * the run folders are only read. Returns the paths of report.html and report.md.
     */
    public static List<Path> writeMerged(List<Path> runDirs, Path out) throws IOException {
        List<RunFolder> runs = new ArrayList<>();
        for (Path d : runDirs) {
            RunFolder run = RunFolder.read(d);
            requireTimeUnits(run);
            runs.add(run);
        }
        if (Files.exists(out) && (!Files.isDirectory(out) || !isEmpty(out))) {
            throw new RunFileException(out + " already exists and is not an empty folder: a merged report goes into a new one");
        }
        Files.createDirectories(out);
        return writeDoc(MachinesReport.build(runs), out);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static List<Path> writeDoc(Doc doc, Path dir) throws IOException {
        Path charts = dir.resolve(CHARTS);
        Set<Path> written = new HashSet<>();
        for (Doc.Chart c : doc.charts()) {
            Path p = charts.resolve(c.file());
            AtomicWrite.write(p, c.png());
            written.add(p);
        }
        removeStaleCharts(charts, written);
        Path md = dir.resolve(MARKDOWN);
        Path html = dir.resolve(HTML);
        AtomicWrite.write(md, MarkdownRenderer.render(doc));
        AtomicWrite.write(html, HtmlRenderer.render(doc));
        return List.of(html, md);
    }

    /** Every number of the report is a time per operation or a throughput; a row in any other unit is foreign. */
    private static void requireTimeUnits(RunFolder run) {
        for (int i = 0; i < run.rows().size(); i++) {
            JmhRow r = run.rows().get(i);
            if (!r.hasTimeUnit()) {
                throw new RunFileException(run.dir().resolve(RunFiles.RESULT) + " is not a JMH result array: element "
                        + i + " has scoreUnit '" + r.unit() + "', which is neither time/op nor ops/time");
            }
        }
    }

    /** A regenerated report must not keep charts of an earlier generation that no longer apply. */
    private static void removeStaleCharts(Path charts, Set<Path> keep) throws IOException {
        if (!Files.isDirectory(charts)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(charts, "*.png")) {
            for (Path p : ds) {
                if (!keep.contains(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
