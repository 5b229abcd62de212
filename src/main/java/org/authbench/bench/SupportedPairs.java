package org.authbench.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH runs the cartesian product of a benchmark's parameters, but not every library supports every algorithm
 * ({@link JwtLibrary#unsupportedReason}). For benchmarks with both a {@code library} and an {@code alg}
 * parameter, this splits one run's parameter grid into grids holding supported pairs only and names the pairs
 * left out, so {@code run} never forks a trial that can only fail, and says so in the manifest.
 */
public final class SupportedPairs {

    /** One JMH run: these benchmarks with these parameter values. */
    public record Grid(List<String> benchmarks, Map<String, String[]> params) {
    }

    /**
     * @param grids       the runs that together cover every supported combination, in a stable order
     * @param unsupported {@code "LIBRARY ALG"} → why, for every pair left out
     */
    public record Split(List<Grid> grids, Map<String, String> unsupported) {
    }

    private SupportedPairs() {
    }

    /** Splits {@code benchmarks} (full JMH names) under {@code params} (overrides of their defaults). */
    public static Split split(List<String> benchmarks, Map<String, String[]> params) {
        List<String> unchanged = new ArrayList<>();
        // (libraries, algorithms) → benchmarks: benchmarks with the same supported sub-grid share one run.
        Map<List<List<String>>, List<String>> grouped = new LinkedHashMap<>();
        Map<String, String> unsupported = new LinkedHashMap<>();
        for (String name : benchmarks) {
            String[] libs = values(name, "library", params);
            String[] algs = values(name, "alg", params);
            if (libs == null || algs == null) {
                unchanged.add(name);
                continue;
            }
            // Libraries that support the same algorithms run together: one run per distinct algorithm set.
            Map<List<String>, List<String>> libsBySupported = new LinkedHashMap<>();
            boolean any = false;
            for (String lib : libs) {
                List<String> supported = new ArrayList<>();
                for (String alg : algs) {
                    String why = reason(lib, alg);
                    if (why == null) {
                        supported.add(alg);
                    } else {
                        unsupported.put(lib + " " + alg, why);
                        any = true;
                    }
                }
                if (!supported.isEmpty()) {
                    libsBySupported.computeIfAbsent(supported, k -> new ArrayList<>()).add(lib);
                }
            }
            if (!any) {
                unchanged.add(name);
                continue;
            }
            libsBySupported.forEach((algList, libList) ->
                    grouped.computeIfAbsent(List.of(libList, algList), k -> new ArrayList<>()).add(name));
        }
        List<Grid> grids = new ArrayList<>();
        if (!unchanged.isEmpty()) {
            grids.add(new Grid(unchanged, params));
        }
        grouped.forEach((key, names) -> {
            Map<String, String[]> p = new LinkedHashMap<>(params);
            p.put("library", key.get(0).toArray(String[]::new));
            p.put("alg", key.get(1).toArray(String[]::new));
            grids.add(new Grid(names, p));
        });
        return new Split(grids, unsupported);
    }

    /** Why {@code library} cannot run {@code alg}, or null (also for values that are not a library or algorithm). */
    static String reason(String library, String alg) {
        try {
            return JwtLibrary.valueOf(library).unsupportedReason(JwtAlgorithm.valueOf(alg));
        } catch (IllegalArgumentException e) {
            return null; // not ours to judge: JMH reports a bad parameter value itself
        }
    }

    /** The libraries benchmark {@code name} runs under {@code params} (override or default), or null when it has no library. */
    public static String[] libraries(String name, Map<String, String[]> params) {
        return values(name, "library", params);
    }

    /** The values {@code param} takes for benchmark {@code name} (override or default), or null if it has no such parameter. */
    static String[] values(String name, String param, Map<String, String[]> params) {
        for (BenchmarkListEntry e : BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT),
                List.of("^" + Pattern.quote(name) + "$"), List.of())) {
            if (e.getParams().hasValue() && e.getParams().get().containsKey(param)) {
                return params.getOrDefault(param, e.getParams().get().get(param));
            }
        }
        return null;
    }
}
