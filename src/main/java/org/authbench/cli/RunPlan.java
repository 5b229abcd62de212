package org.authbench.cli;

import java.io.OutputStream;
import java.nio.file.Path;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.authbench.bench.LibraryVersions;
import org.authbench.bench.Pass;
import org.authbench.bench.Profile;
import org.authbench.bench.RemoteOnly;
import org.authbench.bench.SupportedPairs;
import org.authbench.jwt.JwtLibrary;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * What a run will do, decided before any folder exists: one {@link Job} per JMH invocation, in the order
 * they run (JVM, then pass, then thread count, then parameter grid), and the library × algorithm pairs left
 * out because the library does not support them (never forked, recorded instead).
 *
 * @param jobs         the JMH invocations, in order
 * @param notSupported {@code "LIBRARY ALG"} → why, for every pair left out
 */
record RunPlan(List<Job> jobs, Map<String, String> notSupported) {

    /**
     * One JMH invocation.
     *
     * @param index      position in the run: names its temporary result file and its failure in the manifest
     * @param pass       the profile pass whose settings it runs with
     * @param benchmarks full benchmark method names
     * @param params     JMH parameter values
     * @param threads    benchmark threads
     * @param jvm        java executable for the forks, or null for this JVM
     * @param rows       result rows it should produce (benchmarks × parameter combinations × modes)
     * @param version    another version of a library to put first on the forks' classpath, or null for the shipped one
     */
    record Job(int index, Pass pass, List<String> benchmarks, Map<String, String[]> params, int threads,
            String jvm, int rows, LibraryVersions.Alternate version) {

        Job(int index, Pass pass, List<String> benchmarks, Map<String, String[]> params, int threads, String jvm,
                int rows) {
            this(index, pass, benchmarks, params, threads, jvm, rows, null);
        }

        /** The property value naming this job's other library version, or null. */
        String versionProperty() {
            return version == null ? null : version.property();
        }

        /** Planned wall time, fork start-up included. */
        double seconds() {
            return rows * secondsPerRow();
        }

        double secondsPerRow() {
            return pass.secondsPerRowWithStartup();
        }
    }

    /**
     * One result row of a job, measured fork by fork in an adaptive run: one benchmark with one value per
     * parameter (its declared parameters, defaults included), one mode, one thread count, one JVM.
     *
     * @param job       the job the row belongs to
     * @param benchmark full benchmark method name
     * @param params    every parameter the benchmark declares, with its value for this row, sorted by name
     * @param mode      the row's mode
     */
    record Cell(Job job, String benchmark, Map<String, String> params, Mode mode) {

        /** The single-fork JMH invocation that adds one fork of {@code iterations} measurement iterations to this row. */
        Job oneFork(int iterations) {
            Map<String, String[]> p = new LinkedHashMap<>();
            params.forEach((k, v) -> p.put(k, new String[] {v}));
            Pass pass = job.pass();
            Pass single = new Pass(pass.include(), List.of(mode), pass.threads(), 1, pass.warmupIterations(),
                    pass.warmupMillis(), iterations, pass.iterationMillis());
            return new Job(job.index(), single, List.of(benchmark), p, job.threads(), job.jvm(), 1, job.version());
        }

        /** {@code VerifyBenchmark.verify_valid {alg=HS256, library=JJWT} avgt}, and the threads and JVM when not the defaults. */
        String name() {
            String b = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return b + " " + params + " " + mode.shortLabel() + (job.threads() > 1 ? " threads=" + job.threads() : "")
                    + (job.jvm() != null ? " jvm=" + job.jvm() : "") + (job.version() != null ? " " + job.version().label() : "");
        }

        /** Whether a JMH result row (benchmark, mode, threads, parameters, fork JVM) is one of this row's forks. */
        boolean matches(String rowBenchmark, String rowMode, int rowThreads, Map<String, String> rowParams, String rowJvm,
                String thisJvm) {
            return matches(rowBenchmark, rowMode, rowThreads, rowParams, rowJvm, thisJvm, null);
        }

        /** The same, for a row whose forks ran another library version ({@code rowVersion}, null for the shipped one). */
        boolean matches(String rowBenchmark, String rowMode, int rowThreads, Map<String, String> rowParams, String rowJvm,
                String thisJvm, String rowVersion) {
            return benchmark.equals(rowBenchmark) && mode.shortLabel().equals(rowMode) && job.threads() == rowThreads
                    && params.equals(new TreeMap<>(rowParams)) && (job.jvm() != null ? job.jvm() : thisJvm).equals(rowJvm)
                    && Objects.equals(job.versionProperty(), rowVersion);
        }
    }

    /**
     * The rows of {@code job}, one {@link Cell} each, in the order JMH would run them: benchmarks in the job's order,
     * parameter combinations, modes.
     */
    static List<Cell> cells(Job job) {
        List<Cell> out = new ArrayList<>();
        for (String name : job.benchmarks()) {
            BenchmarkListEntry entry = BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                            new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT),
                    List.of("^" + Pattern.quote(name) + "$"), List.of()).stream().findFirst().orElseThrow();
            Map<String, String[]> declared = new TreeMap<>(entry.getParams().orElse(Map.of()));
            declared.replaceAll((k, v) -> job.params().getOrDefault(k, v));
            List<Map<String, String>> combos = new ArrayList<>();
            combos.add(new TreeMap<>());
            for (Map.Entry<String, String[]> p : declared.entrySet()) {
                List<Map<String, String>> next = new ArrayList<>();
                for (Map<String, String> c : combos) {
                    for (String v : p.getValue()) {
                        Map<String, String> m = new TreeMap<>(c);
                        m.put(p.getKey(), v);
                        next.add(m);
                    }
                }
                combos = next;
            }
            // A job's grid holds supported library × algorithm pairs only (SupportedPairs split it).
            for (Map<String, String> c : combos) {
                for (Mode m : job.pass().modes()) {
                    out.add(new Cell(job, name, Collections.unmodifiableMap(c), m));
                }
            }
        }
        return out;
    }

    /**
     * Plans {@code profile} (its passes with {@code forks} instead of theirs when given) over {@code params},
     * narrowed by the {@code include} regex, at {@code threads} (or each pass's own) on each of {@code jvms}
     * (or this JVM). Bad input, or a plan that would run nothing, is a {@link UsageException}.
     */
    static RunPlan of(Profile profile, Integer forks, String include, Map<String, String[]> params,
            List<Integer> threads, List<String> jvms) {
        return of(profile, forks, include, params, threads, jvms, Set.of());
    }

    /** As below, with no library measured on other versions. */
    static RunPlan of(Profile profile, Integer forks, String include, Map<String, String[]> params,
            List<Integer> threads, List<String> jvms, Set<String> userParams) {
        return of(profile, forks, include, params, threads, jvms, userParams, List.of(), LibraryVersions.root());
    }

    /**
     * As above; a pass's own parameter values replace the profile's except those named in {@code userParams} (given
     * with {@code --param}). Grids are split twice: unsupported library × algorithm pairs and in-process stores at an
     * {@code rtt} other than {@code direct} are never forked; both are named in {@link #notSupported}. For each library
     * of {@code versioned}, its rows run again on every other version built under {@code versionsRoot}
     * ({@link LibraryVersions}): one more job per job that measures the library, narrowed to the library constants
     * built on that artifact, right after it (so both versions share the pass and its conditions). A library with no
     * other version built is bad input.
     */
    static RunPlan of(Profile profile, Integer forks, String include, Map<String, String[]> params,
            List<Integer> threads, List<String> jvms, Set<String> userParams, List<JwtLibrary> versioned,
            Path versionsRoot) {
        Map<JwtLibrary, List<LibraryVersions.Alternate>> alternates = new LinkedHashMap<>();
        for (JwtLibrary l : versioned) {
            List<LibraryVersions.Alternate> built = LibraryVersions.built(l, versionsRoot);
            if (built.isEmpty()) {
                throw new UsageException("no other version of " + l + " is built (looked in " + versionsRoot
                        + (l.coordinates().isEmpty() ? "; it is this project's own code" : "; ./mvnw package builds them")
                        + ")");
            }
            alternates.put(l, built);
        }
        Pattern userInclude = compile(include);
        List<Pass> passes = profile.passes().stream().map(p -> forks == null ? p : p.withForks(forks)).toList();
        List<List<String>> namesPerPass = new ArrayList<>();
        for (Pass pass : passes) {
            namesPerPass.add(pass.benchmarks(userInclude));
        }
        if (namesPerPass.stream().allMatch(List::isEmpty)) {
            throw new UsageException("no benchmark matches --include " + include + " in profile " + profile.cliName());
        }
        List<List<SupportedPairs.Grid>> gridsPerPass = new ArrayList<>();
        Map<String, String> notSupported = new LinkedHashMap<>();
        for (int i = 0; i < passes.size(); i++) {
            Map<String, String[]> passParams = new LinkedHashMap<>(params);
            passes.get(i).params().forEach((k, v) -> {
                if (!userParams.contains(k)) {
                    passParams.put(k, v.toArray(String[]::new));
                }
            });
            SupportedPairs.Split split = SupportedPairs.split(namesPerPass.get(i), passParams);
            List<SupportedPairs.Grid> grids = new ArrayList<>();
            for (SupportedPairs.Grid g : split.grids()) {
                grids.addAll(RemoteOnly.split(g, notSupported));
            }
            gridsPerPass.add(grids);
            notSupported.putAll(split.unsupported());
        }
        if (gridsPerPass.stream().allMatch(List::isEmpty)) {
            throw new UsageException("nothing to run: no requested library supports a requested algorithm ("
                    + String.join(", ", notSupported.keySet()) + ")");
        }
        List<Job> jobs = new ArrayList<>();
        for (String jvm : jvms.isEmpty() ? Collections.<String>singletonList(null) : jvms) {
            for (int i = 0; i < passes.size(); i++) {
                Pass pass = passes.get(i);
                for (int t : threads != null ? threads : pass.threads()) {
                    for (SupportedPairs.Grid grid : gridsPerPass.get(i)) {
                        // A pass counts its rows at all its thread counts; a job runs at one of them.
                        int rows = pass.rows(grid.benchmarks(), grid.params()) / pass.threads().size();
                        jobs.add(new Job(jobs.size(), pass, grid.benchmarks(), grid.params(), t, jvm, rows));
                        for (Map.Entry<JwtLibrary, List<LibraryVersions.Alternate>> a : alternates.entrySet()) {
                            SupportedPairs.Grid narrowed = sameArtifact(grid, a.getKey());
                            if (narrowed == null) {
                                continue;
                            }
                            int altRows = pass.rows(narrowed.benchmarks(), narrowed.params()) / pass.threads().size();
                            for (LibraryVersions.Alternate v : a.getValue()) {
                                jobs.add(new Job(jobs.size(), pass, narrowed.benchmarks(), narrowed.params(), t, jvm,
                                        altRows, v));
                            }
                        }
                    }
                }
            }
        }
        return new RunPlan(List.copyOf(jobs), notSupported);
    }

    /**
     * The grid's parameters narrowed to the library constants built on {@code library}'s artifact (vert.x's public
     * path and its JOSE layer share one), or null when the grid measures none of them.
     */
    private static SupportedPairs.Grid sameArtifact(SupportedPairs.Grid grid, JwtLibrary library) {
        List<String> benchmarks = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        for (String b : grid.benchmarks()) {
            String[] libs = SupportedPairs.libraries(b, grid.params());
            if (libs == null || !LibraryVersions.measures(b)) {
                continue;
            }
            List<String> same = LibraryVersions.sameArtifact(library, libs);
            if (!same.isEmpty()) {
                benchmarks.add(b);
                same.stream().filter(n -> !kept.contains(n)).forEach(kept::add);
            }
        }
        if (benchmarks.isEmpty()) {
            return null;
        }
        return new SupportedPairs.Grid(List.copyOf(benchmarks), LibraryVersions.narrow(grid.params(), kept));
    }

    /** Rows of the jobs after {@code job}. */
    int rowsAfter(Job job) {
        return later(job).stream().mapToInt(Job::rows).sum();
    }

    /** Planned seconds of the jobs after {@code job}. */
    double secondsAfter(Job job) {
        double s = 0;
        for (Job j : later(job)) {
            s += j.seconds();
        }
        return s;
    }

    private List<Job> later(Job job) {
        return jobs.subList(job.index() + 1, jobs.size());
    }

    private static Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include is not a valid regular expression: " + e.getDescription());
        }
    }
}
