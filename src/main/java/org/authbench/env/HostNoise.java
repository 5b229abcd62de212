package org.authbench.env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * How much the machine itself moved while a run measured, so a report can say "the host was too noisy for
 * this precision" instead of printing a small ± that is not true (pyperf's "the benchmark seems unstable").
 *
 * <p>Two readings, taken between forks by the process that plans the run: a fixed calibration workload
 * (SHA-256 over a fixed buffer; the same work every time, so its time moves only when the machine's speed does)
 * and the kernel's steal time from {@code /proc/stat} (CPU time the hypervisor gave to another guest). Absent
 * on a platform without {@code /proc/stat}: steal is then reported as unknown, never as zero.
 */
public final class HostNoise {

    private static final int BUFFER = 64 * 1024;
    private static final int ROUNDS_PER_SAMPLE = 40;
    private static final int SAMPLES = 15;
    private static final Path PROC_STAT = Path.of("/proc/stat");
    /** Untimed readings before the first that counts, at least (see {@link #warmUp}). */
    private static final int MIN_WARM_READINGS = 8;
    private static final int MAX_WARM_READINGS = 20;
    /** ... and the last two of them agree within this. */
    private static final double WARM_TOLERANCE = 0.02;

    private final byte[] buffer = new byte[BUFFER];
    private final List<Double> calibrations = new ArrayList<>();
    private long[] firstStat;
    private long[] lastStat;
    /** Consumed so the digest work cannot be removed as dead code. */
    private int sink;
    private boolean warm;

    public HostNoise() {
        Arrays.fill(buffer, (byte) 0x5a);
    }

    /** Takes one reading now: the calibration workload's median time and the steal counters. */
    public void sample() {
        if (!warm) {
            warmUp(this::calibrationMillis);
            warm = true;
        }
        calibrations.add(calibrationMillis());
        long[] stat = procStat();
        if (stat != null) {
            if (firstStat == null) {
                firstStat = stat;
            }
            lastStat = stat;
        }
    }

    /**
     * What the readings say so far.
     *
     * @param readings    calibration readings taken
     * @param medianMs    median calibration time
     * @param spread      slowest reading / fastest reading (1.0 = the machine's speed never moved)
     * @param stealShare  share of all CPU time stolen by the hypervisor between the first and last reading, or NaN
     */
    public record Summary(int readings, double medianMs, double spread, double stealShare) {

        /** Whether the host's own movement exceeds a relative precision the run is asked to reach. */
        public boolean tooNoisyFor(double relativePrecision) {
            return readings >= 2 && spread - 1 > relativePrecision;
        }
    }

    public Summary summary() {
        double[] c = calibrations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (c.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Summary(c.length, median(c), c[c.length - 1] / c[0], steal(firstStat, lastStat));
    }

    /**
     * Runs the workload untimed before the first reading that counts, and returns how many readings it ran: at least
     * eight, then until the last two agree within 2%, at most twenty. In a fresh JVM the first readings time the
     * interpreter and the JIT's lower tiers, not the machine: in six fresh JVMs on a quiet 2-vCPU VM the first reading
     * took 1.76-2.32 ms and the sixth to eighth 1.51-1.55 ms, so a run's first reading alone made its host look
     * noisy.
     */
    static int warmUp(DoubleSupplier reading) {
        double previous = reading.getAsDouble();
        int readings = 1;
        while (readings < MAX_WARM_READINGS) {
            double now = reading.getAsDouble();
            readings++;
            if (readings >= MIN_WARM_READINGS && Math.abs(now / previous - 1) <= WARM_TOLERANCE) {
                break;
            }
            previous = now;
        }
        return readings;
    }

    int sink() {
        return sink;
    }

    private double calibrationMillis() {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        double[] times = new double[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            long start = System.nanoTime();
            for (int r = 0; r < ROUNDS_PER_SAMPLE; r++) {
                sha.update(buffer);
                sink += sha.digest()[0];
            }
            times[s] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return median(times);
    }

    /** The aggregate {@code cpu} line's counters, or null where there is no {@code /proc/stat}. */
    static long[] procStat() {
        try {
            for (String line : Files.readAllLines(PROC_STAT)) {
                if (line.startsWith("cpu ")) {
                    return Arrays.stream(line.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** Stolen share of the CPU time that passed between two {@code cpu} lines (steal is the 8th counter). */
    static double steal(long[] first, long[] last) {
        if (first == null || last == null || first.length < 8 || last.length < 8) {
            return Double.NaN;
        }
        long total = 0;
        for (int i = 0; i < Math.min(first.length, 8); i++) {
            total += last[i] - first[i];
        }
        return total <= 0 ? Double.NaN : (double) (last[7] - first[7]) / total;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
