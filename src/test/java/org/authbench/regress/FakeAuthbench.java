package org.authbench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.authbench.cli.Main;

/**
 * The jar {@code scripts/compare.sh} drives, with {@code run} replaced: it writes a {@link SyntheticRuns} round
 * in an instant, honouring {@code --include}, {@code --param} and {@code --out}, so the script's rounds, extra
 * rounds and stopping can be tested without measuring anything. Every other command is the real one.
 * Environment: {@code FAKE_NOISY=0} makes every row steady; {@code FAKE_LOG} gets a line per run: the side, the
 * round's folder, the CPUs the process may use, its {@code jmh.ignoreLock} property and its arguments.
 */
public final class FakeAuthbench {

    private FakeAuthbench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !args[0].equals("run") || List.of(args).contains("--help")) {
            System.exit(Main.execute(args));
        }
        Pattern include = null;
        Path out = null;
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 1; i < args.length - 1; i++) {
            switch (args[i]) {
                case "--forks" -> {
                    if (args[i + 1].equals("0")) {
                        System.err.println("authbench: --forks must be at least 1, got 0");
                        System.exit(2);
                    }
                }
                case "--include" -> include = Pattern.compile(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                case "--param" -> {
                    String[] kv = args[i + 1].split("=", 2);
                    params.put(kv[0], List.of(kv[1].split(",")));
                }
                default -> {
                }
            }
        }
        // compare.sh runs each side in the worktree of its commit, named after it.
        String commit = Path.of("").toAbsolutePath().getFileName().toString().replaceFirst("^wt-", "");
        Pattern inc = include;
        List<SyntheticRuns.Row> rows = SyntheticRuns.rows(!"0".equals(System.getenv("FAKE_NOISY")));
        // The self-test knob, as the real reference verifier takes it: that share of extra work on its rows.
        double slowdown = Double.parseDouble(System.getProperty("authbench.selftest.slowdownPercent", "0")) / 100;
        Path dir = SyntheticRuns.nextRound(out, commit, rows, slowdown, r -> (inc == null || inc.matcher(r.benchmark()).find())
                && params.entrySet().stream().allMatch(p -> p.getValue().stream().anyMatch(v -> v.equals(r.params().get(p.getKey())))));
        String log = System.getenv("FAKE_LOG");
        if (log != null) {
            String line = out.getFileName() + " " + dir.getFileName() + " cpus=" + cpus() + " ignoreLock="
                    + System.getProperty("jmh.ignoreLock") + " "
                    + String.join(" ", List.of(args).subList(1, args.length)) + "\n";
            Files.writeString(Path.of(log), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        System.out.println("run folder: " + dir);
    }

    private static String cpus() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "?";
        }
        List<String> found = new ArrayList<>();
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("Cpus_allowed_list:")) {
                found.add(l.substring(l.indexOf(':') + 1).strip());
            }
        }
        return found.isEmpty() ? "?" : found.get(0);
    }
}
