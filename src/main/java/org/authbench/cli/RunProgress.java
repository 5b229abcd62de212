package org.authbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunManifest;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * What the terminal shows during {@code run}: one line per benchmark row with its position, what it is and
 * an ETA, instead of JMH's iteration-by-iteration log, which goes (complete) to {@code jmh.log} in the run
 * folder. On a terminal it is a progress bar (tongfei/progressbar, which also estimates the remaining
 * time from the pace so far); elsewhere (CI logs) each row gets a plain line with the planned ETA.
 */
final class RunProgress implements OutputFormat {

    private final OutputFormat log;
    private final PrintWriter term;
    private final boolean tty;
    private final RunManifest manifest;
    private final long startNanos = System.nanoTime();
    private int total;
    private int done;
    private double plannedSecondsLeft;
    private double secondsPerRow;
    private String current = "";
    private ProgressBar bar;

    RunProgress(OutputFormat log, PrintWriter term, boolean tty, RunManifest manifest) {
        this.log = log;
        this.term = term;
        this.tty = tty;
        this.manifest = manifest;
    }

    /** Declares the next pass: how many rows it has and how long each should take. */
    void plan(int rows, double secondsPerRowIncludingStartup, int rowsInLaterPasses, double laterSeconds) {
        this.total = done + rows + rowsInLaterPasses;
        this.secondsPerRow = secondsPerRowIncludingStartup;
        this.plannedSecondsLeft = rows * secondsPerRowIncludingStartup + laterSeconds;
        if (tty) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("authbench").setInitialMax(total)
                        .setConsumer(new ConsoleProgressBarConsumer(System.out, 160))
                        .setMaxRenderedLength(160).build();
            }
            bar.maxHint(total);
        }
    }

    static String rowName(BenchmarkParams p) {
        String bench = p.getBenchmark().substring(p.getBenchmark().lastIndexOf('.', p.getBenchmark().lastIndexOf('.') - 1) + 1);
        Map<String, String> params = new TreeMap<>();
        for (String k : p.getParamsKeys()) {
            params.put(k, p.getParam(k));
        }
        String other = RunFiles.libraryVersion(p.getJvmArgs());
        String version = other == null ? "" : " on " + other.substring(other.indexOf(':') + 1).replace(':', ' ');
        return bench + " " + params + " " + p.getMode().shortLabel() + (p.getThreads() > 1 ? " threads=" + p.getThreads() : "")
                + version;
    }

    @Override
    public void startBenchmark(BenchmarkParams p) {
        log.startBenchmark(p);
        current = rowName(p);
        String eta = format(Duration.ofSeconds((long) Math.max(0, plannedSecondsLeft)));
        String line = String.format("[%d/%d] %s  (ETA %s, elapsed %s)", done + 1, Math.max(total, done + 1), current,
                eta, format(Duration.ofNanos(System.nanoTime() - startNanos)));
        if (bar != null) {
            bar.setExtraMessage(current);
        } else {
            term.println(line);
        }
        term.flush();
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        log.endBenchmark(result);
        done++;
        plannedSecondsLeft -= secondsPerRow;
        if (bar != null) {
            bar.step();
        }
        if (result == null) {
            manifest.rowFailed(current, "failed; see jmh.log");
            term.println("  FAILED: " + current + " (see jmh.log in the run folder)");
            term.flush();
        }
        try {
            manifest.write();
        } catch (IOException e) {
            term.println("  warning: cannot update manifest: " + e.getMessage());
        }
    }

    static String format(Duration d) {
        long s = d.getSeconds();
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    void finishLine() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    @Override
    public void iteration(BenchmarkParams b, IterationParams i, int n) {
        log.iteration(b, i, n);
    }

    @Override
    public void iterationResult(BenchmarkParams b, IterationParams i, int n, IterationResult r) {
        log.iterationResult(b, i, n, r);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> results) {
        log.endRun(results);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }

}
