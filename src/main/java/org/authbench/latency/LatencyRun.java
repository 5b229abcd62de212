package org.authbench.latency;

import org.authbench.apikey.StoreOptions;
import org.authbench.net.Rtt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.RunFiles;

/**
 * One {@code authbench latency} run: for each scheme, prepare and prove it, calibrate its maximum rate when
 * rates are fractions, then for each rate warm up and measure open loop with {@link OpenLoopDriver}. Writes
 * into {@code <run folder>/latency/}: per scheme and rate a {@code .hlog} (interval histograms, nanoseconds;
 * response time untagged, service time tagged {@code service}) and two {@code .hgrm} percentile
 * distributions (response and service, in microseconds), plus {@code summary.json} and {@code summary.md},
 * rewritten after each scheme so an interrupted run keeps the schemes it finished. Never overwrites a file
 * it did not write in this run.
 *
 * <pre>java -jar target/authbench.jar latency --scheme apikey:hashed,jwt:reference:ES256 --rate-fraction 0.5,0.9</pre>
 */
public final class LatencyRun {

    public static final String DIR = RunFiles.LATENCY_DIR;
    public static final String SUMMARY_JSON = RunFiles.LATENCY_SUMMARY_NAME;
    public static final String SUMMARY_MD = "summary.md";
    /** Percentiles reported in the summary, with their JSON key stems. */
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    static final String[] PERCENTILE_KEYS = {"p50", "p90", "p99", "p99_9", "p99_99"};
    /** The .hgrm files are scaled to microseconds (HdrHistogram's outputValueUnitScalingRatio). */
    static final double HGRM_UNIT_RATIO = 1000.0;
    private static final int HGRM_TICKS_PER_HALF = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to run. Exactly one of {@code rates} (requests per second) and {@code fractions} (of the
     * calibrated maximum) is non-empty.
     */
    public record Settings(List<Scheme> schemes, List<Double> rates, List<Double> fractions, Duration duration,
                           Duration warmup, Duration calibration, int threads, Duration p99Bound, Rtt rtt, int pool) {

        /** Stores at their own address with the default connection pool. */
        public Settings(List<Scheme> schemes, List<Double> rates, List<Double> fractions, Duration duration,
                Duration warmup, Duration calibration, int threads, Duration p99Bound) {
            this(schemes, rates, fractions, duration, warmup, calibration, threads, p99Bound, Rtt.DIRECT,
                    StoreOptions.DEFAULT_POOL);
        }
    }

    /** One measured rate of one scheme, with its files relative to the run folder. */
    record RateResult(Double fraction, OpenLoopDriver.Measurement measurement, String hlog, String hgrm,
                      String serviceHgrm) {
    }

    /** One scheme's results; {@code calibratedMaxRate} is null when rates were given outright. */
    record SchemeResult(String scheme, Double calibratedMaxRate, List<RateResult> rates) {
    }

    private final Settings settings;
    private final Path runDir;
    private final Path dir;
    private final PrintWriter term;
    private final List<SchemeResult> done = new ArrayList<>();

    /** {@code runDir/latency} must not exist yet: it is created here, so no earlier result is ever touched. */
    public LatencyRun(Settings settings, Path runDir, PrintWriter term) throws IOException {
        this.settings = settings;
        this.runDir = runDir;
        this.dir = Files.createDirectory(runDir.resolve(DIR));
        this.term = term;
    }

    /** Runs every scheme and rate; returns the summary file. */
    public Path execute() throws Exception {
        for (Scheme scheme : settings.schemes()) {
            done.add(measure(scheme));
            writeSummary();
        }
        return dir.resolve(SUMMARY_JSON);
    }

    private SchemeResult measure(Scheme scheme) throws Exception {
        term.println(scheme.name() + ": preparing and proving (valid pool accepted, forgeries refused)");
        term.flush();
        try (Scheme.Prepared prepared = scheme.prepare(settings.rtt(), settings.pool())) {
            OpenLoopDriver driver = new OpenLoopDriver(prepared.authenticator(), prepared.credentials(), settings.threads());
            Double max = null;
            List<Double> rates = settings.rates();
            if (rates.isEmpty()) {
                max = driver.calibrate(settings.warmup(), settings.calibration());
                term.printf(Locale.ROOT, "%s: calibration (closed loop, %d thread%s, %s after %s warmup; not the JMH number): "
                                + "max %.0f req/s%n", scheme.name(), settings.threads(), settings.threads() == 1 ? "" : "s",
                        seconds(settings.calibration()), seconds(settings.warmup()), max);
                term.flush();
                if (max < 1) {
                    // A calibration that completed nothing says the machine was busy, not that the scheme is free.
                    throw new IllegalStateException(scheme.name() + ": calibration completed no request in "
                            + seconds(settings.calibration()) + "; lengthen --calibration or give --rate");
                }
                rates = new ArrayList<>();
                for (double f : settings.fractions()) {
                    rates.add((double) Math.max(1, Math.round(f * max)));
                }
            }
            List<RateResult> results = new ArrayList<>();
            for (int r = 0; r < rates.size(); r++) {
                Double fraction = settings.rates().isEmpty() ? settings.fractions().get(r) : null;
                results.add(measureRate(scheme, driver, rates.get(r), fraction));
            }
            return new SchemeResult(scheme.name(), max, results);
        }
    }

    private RateResult measureRate(Scheme scheme, OpenLoopDriver driver, double rate, Double fraction) throws Exception {
        String stem = scheme.name().replace(':', '-') + "_" + number(rate) + "rps";
        Path hlog = dir.resolve(stem + ".hlog");
        Path hgrm = dir.resolve(stem + ".hgrm");
        Path serviceHgrm = dir.resolve(stem + ".service.hgrm");
        for (Path p : List.of(hlog, hgrm, serviceHgrm)) {
            if (Files.exists(p)) {
                throw new IllegalArgumentException("rate " + number(rate) + " req/s of " + scheme.name()
                        + " is measured twice (its files would collide)");
            }
        }
        if (!settings.warmup().isZero()) {
            driver.run(rate, settings.warmup(), null);
        }
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        HistogramLogWriter log = new HistogramLogWriter(new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        log.outputComment("authbench latency: scheme " + scheme.name() + ", intended rate " + number(rate)
                + " req/s, " + settings.threads() + " thread(s), open loop");
        log.outputComment("values in nanoseconds; untagged = response time (completion - due time, "
                + "coordinated-omission corrected); Tag=" + OpenLoopDriver.SERVICE_TAG
                + " = service time (completion - actual start)");
        OpenLoopDriver.Measurement m = driver.run(rate, settings.duration(), log);
        log.close();
        AtomicWrite.write(hlog, logBytes.toByteArray());
        AtomicWrite.write(hgrm, distribution(m.response()));
        AtomicWrite.write(serviceHgrm, distribution(m.service()));
        term.printf(Locale.ROOT, "%s @ %s req/s%s: achieved %.0f req/s, response p99 %s us, service p99 %s us%s%n",
                scheme.name(), number(rate), fraction == null ? "" : " (" + number(fraction) + " of max)",
                m.achievedRate(), micros(m.response().getValueAtPercentile(99)),
                micros(m.service().getValueAtPercentile(99)),
                m.unstarted() > 0 ? ", " + m.unstarted() + " due requests never started (saturated)" : "");
        term.flush();
        return new RateResult(fraction, m, relative(hlog), relative(hgrm), relative(serviceHgrm));
    }

    private static byte[] distribution(Histogram h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        h.outputPercentileDistribution(ps, HGRM_TICKS_PER_HALF, HGRM_UNIT_RATIO);
        ps.flush();
        return out.toByteArray();
    }

    private String relative(Path p) {
        return runDir.relativize(p).toString().replace('\\', '/');
    }

    /** The highest intended rate whose response-time p99 is at most the bound, or null if none is. */
    Double maxRateUnderBound(SchemeResult s) {
        Double best = null;
        long boundNanos = settings.p99Bound().toNanos();
        for (RateResult r : s.rates()) {
            OpenLoopDriver.Measurement m = r.measurement();
            if (m.completed() > 0 && m.response().getValueAtPercentile(99) <= boundNanos
                    && (best == null || m.intendedRate() > best)) {
                best = m.intendedRate();
            }
        }
        return best;
    }

    private void writeSummary() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("bound_ms", settings.p99Bound().toNanos() / 1e6);
        root.put("durationSeconds", settings.duration().toNanos() / 1e9);
        root.put("warmupSeconds", settings.warmup().toNanos() / 1e9);
        root.put("threads", settings.threads());
        // A store scheme's round trip and connection pool: requests beyond the pool queue for a connection.
        root.put("rtt", settings.rtt().label());
        root.put("pool", settings.pool());
        ArrayNode schemes = root.putArray("schemes");
        StringBuilder md = new StringBuilder("# Latency under load (open loop)\n\n");
        md.append(String.format(Locale.ROOT, "Each rate ran open loop for %s after %s of warmup on %d thread(s). "
                        + "Response time = completion − when the request was due (coordinated-omission corrected); "
                        + "service time = completion − actual start. Times in µs. Bound: response p99 ≤ %s ms.%n%n",
                seconds(settings.duration()), seconds(settings.warmup()), settings.threads(),
                number(settings.p99Bound().toNanos() / 1e6)));
        md.append(String.format(Locale.ROOT, "Store schemes: rtt %s, %d pooled connection(s) per store.%n%n",
                settings.rtt().label(), settings.pool()));
        for (SchemeResult s : done) {
            ObjectNode sn = schemes.addObject();
            sn.put("scheme", s.scheme());
            if (s.calibratedMaxRate() == null) {
                sn.putNull("calibratedMaxRate");
            } else {
                sn.put("calibratedMaxRate", Math.round(s.calibratedMaxRate()));
            }
            ArrayNode rates = sn.putArray("rates");
            for (RateResult r : s.rates()) {
                OpenLoopDriver.Measurement m = r.measurement();
                ObjectNode rn = rates.addObject();
                rn.put("intendedRate", m.intendedRate());
                rn.put("achievedRate", round(m.achievedRate(), 1));
                if (r.fraction() == null) {
                    rn.putNull("fraction");
                } else {
                    rn.put("fraction", r.fraction());
                }
                rn.put("completed", m.completed());
                rn.put("unstarted", m.unstarted());
                rn.put("rejected", m.rejected());
                rn.set("response", percentiles(m.response()));
                rn.set("service", percentiles(m.service()));
                rn.put("hlog", r.hlog());
                rn.put("hgrm", r.hgrm());
                rn.put("serviceHgrm", r.serviceHgrm());
            }
            Double best = maxRateUnderBound(s);
            if (best == null) {
                sn.putNull("maxRateUnderBound");
            } else {
                sn.put("maxRateUnderBound", best);
            }
            markdown(md, s, best);
        }
        AtomicWrite.write(dir.resolve(SUMMARY_JSON), JSON.writeValueAsBytes(root));
        AtomicWrite.write(dir.resolve(SUMMARY_MD), md.toString());
    }

    private void markdown(StringBuilder md, SchemeResult s, Double best) {
        md.append("## ").append(s.scheme()).append("\n\n");
        if (s.calibratedMaxRate() != null) {
            md.append(String.format(Locale.ROOT, "Calibrated maximum (closed loop in this JVM, not the JMH number): %.0f req/s.%n%n",
                    s.calibratedMaxRate()));
        }
        md.append("| intended req/s | achieved req/s | due, never started |");
        for (String kind : List.of("response", "service")) {
            for (String k : PERCENTILE_KEYS) {
                md.append(' ').append(kind).append(' ').append(k.replace('_', '.')).append(" |");
            }
            md.append(' ').append(kind).append(" max |");
        }
        md.append("\n|---:|---:|---:|").append("---:|".repeat(2 * (PERCENTILE_KEYS.length + 1))).append('\n');
        for (RateResult r : s.rates()) {
            OpenLoopDriver.Measurement m = r.measurement();
            md.append("| ").append(number(m.intendedRate()))
                    .append(r.fraction() == null ? "" : " (" + number(r.fraction()) + " of max)")
                    .append(" | ").append(String.format(Locale.ROOT, "%.0f", m.achievedRate()))
                    .append(" | ").append(m.unstarted()).append(" |");
            for (Histogram h : List.of(m.response(), m.service())) {
                for (double p : PERCENTILES) {
                    md.append(' ').append(micros(h.getValueAtPercentile(p))).append(" |");
                }
                md.append(' ').append(micros(h.getMaxValue())).append(" |");
            }
            md.append('\n');
        }
        md.append('\n').append(best == null
                ? "No measured rate kept response p99 under the bound.\n\n"
                : "Highest measured rate with response p99 ≤ " + number(settings.p99Bound().toNanos() / 1e6) + " ms: "
                        + number(best) + " req/s.\n\n");
    }

    private static ObjectNode percentiles(Histogram h) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < PERCENTILES.length; i++) {
            n.put(PERCENTILE_KEYS[i] + "_us", round(h.getValueAtPercentile(PERCENTILES[i]) / 1000.0, 3));
        }
        n.put("max_us", round(h.getMaxValue() / 1000.0, 3));
        return n;
    }

    private static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static String micros(long nanos) {
        return String.format(Locale.ROOT, "%.2f", nanos / 1000.0);
    }

    /** 2000 for 2000.0, 0.5 for 0.5: for file names and text. */
    static String number(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String seconds(Duration d) {
        return number(d.toNanos() / 1e9) + " s";
    }
}
