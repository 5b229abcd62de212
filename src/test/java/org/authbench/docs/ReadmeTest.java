package org.authbench.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.authbench.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Keeps the README and docs/ true to the code: every command line they show uses options its command's
 * help lists, profile times and names match what {@code authbench list} computes, libraries and stores
 * match {@code list}, exit codes match {@link Main}, the quick start pastes into any shell, and every
 * relative link and anchor resolves. Run from the project root (Maven's working directory for tests).
 */
class ReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("^\\s*```(\\w*)\\s*$");
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern OPTION = Pattern.compile("(?<=^|[\\s\\[(])(--[a-z][a-z0-9-]*)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern PROFILE_LINE = Pattern.compile("^  (\\S+)\\s+.*\\((~[^)]+)\\)$");

    private static String readme;
    private static List<String> listOutput;
    private static Map<String, String> profileTimes;

    @BeforeAll
    static void read() throws IOException {
        readme = Files.readString(README);
        listOutput = cli("list").lines().toList();
        profileTimes = new LinkedHashMap<>();
        for (String line : section(listOutput, "profiles:")) {
            Matcher m = PROFILE_LINE.matcher(line);
            if (m.matches()) {
                profileTimes.put(m.group(1), m.group(2));
            }
        }
        assertThat(profileTimes).as("profiles parsed from `list`").containsKeys("quick", "standard");
    }

    @Test
    void theTwoCommandsComeFirst() {
        List<Block> blocks = blocks(readme);
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(blocks.get(0).lines()).containsExactly(
                "./mvnw -B -ntp -DskipTests package && java -jar target/authbench.jar run");
        assertThat(blocks.get(1).lines()).containsExactly("./mvnw -B -ntp verify");
        String beforeFirstSection = readme.substring(0, readme.indexOf("\n## "));
        assertThat(blocks(beforeFirstSection)).as("command blocks before the first section").hasSize(2);
        assertThat(beforeFirstSection).as("the first command's planned time, from `list`")
                .contains("`standard` profile, " + profileTimes.get("standard"));
    }

    @Test
    void everyCommandShownUsesOptionsItsHelpLists() throws IOException {
        CommandLine root = Main.commandLine();
        int checked = 0;
        for (Path doc : documents()) {
            for (String command : commands(Files.readString(doc))) {
                String[] words = command.trim().split("\\s+");
                CommandLine cmd = root.getSubcommands().get(words[0]);
                if (cmd == null || words[0].equals("jmh")) {
                    continue;
                }
                if (words.length > 1 && cmd.getSubcommands().containsKey(words[1])) {
                    cmd = cmd.getSubcommands().get(words[1]);
                }
                String help = cmd.getUsageMessage(CommandLine.Help.Ansi.OFF);
                Matcher m = OPTION.matcher(command);
                while (m.find()) {
                    assertThat(Pattern.compile("(?<![\\w-])" + Pattern.quote(m.group(1)) + "(?![\\w-])").matcher(help).find())
                            .as(doc + ": `" + command + "` uses " + m.group(1) + ", which `" + words[0] + "` help does not list:\n" + help)
                            .isTrue();
                    checked++;
                }
                Matcher p = Pattern.compile("--profile[ =]['\"]?(\\w+)").matcher(command);
                while (p.find()) {
                    assertThat(profileTimes).as(doc + ": `" + command + "` names a profile `list` does not print")
                            .containsKey(p.group(1));
                }
            }
        }
        assertThat(checked).as("options checked across README and docs").isGreaterThan(40);
    }

    @Test
    void profileTimesAndNamesMatchList() throws IOException {
        Map<String, String> readmeTimes = new LinkedHashMap<>();
        for (List<String> row : table(readme, "## Which command for which question")) {
            Matcher code = INLINE.matcher(row.get(1));
            if (!code.find() || !code.group(1).startsWith("run")) {
                continue;
            }
            Matcher p = Pattern.compile("--profile (\\w+)").matcher(code.group(1));
            readmeTimes.put(p.find() ? p.group(1) : "standard", row.get(2));
        }
        assertThat(readmeTimes).as("README: profile → time, against `list`").isEqualTo(profileTimes);

        String measuring = Files.readString(Path.of("docs/measuring.md"));
        Map<String, String> docTimes = new LinkedHashMap<>();
        for (List<String> row : table(measuring, "## Profiles")) {
            String name = row.get(0).replaceAll("[`*]| \\(default\\)", "").trim();
            docTimes.put(name, row.get(row.size() - 1));
        }
        assertThat(docTimes.keySet()).as("docs/measuring.md profiles").containsExactlyInAnyOrderElementsOf(profileTimes.keySet());
        docTimes.forEach((name, time) -> assertThat(time).as("docs/measuring.md time of " + name)
                .startsWith(profileTimes.get(name)));

        // The README shows a copy of `list` output: every line of it must be real.
        for (Block b : blocks(readme)) {
            if (!b.lines().isEmpty() && b.lines().get(0).equals("profiles:")) {
                assertThat(strip(listOutput)).as("README's copy of `list` output").containsAll(b.lines());
            }
        }
    }

    @Test
    void librariesStoresAndAlgorithmsMatchList() throws IOException {
        Set<String> libraries = new LinkedHashSet<>(strip(section(listOutput, "libraries:")));
        Set<String> algorithms = new LinkedHashSet<>(strip(section(listOutput, "algorithms:")));
        Set<String> stores = new LinkedHashSet<>();
        for (String s : strip(section(listOutput, "stores:"))) {
            stores.add(s.split("\\s+")[0]);
        }
        assertThat(libraries).hasSizeGreaterThan(1);
        String intro = readme.substring(0, readme.indexOf("\n\n**"));
        for (String l : libraries) {
            assertThat(intro).as("README introduction names library " + l).contains("`" + l + "`");
        }
        for (String a : algorithms) {
            assertThat(intro).as("README introduction names algorithm " + a).contains(a);
        }
        for (String s : stores) {
            assertThat(readme).as("README results name store " + s).contains(s.toUpperCase(Locale.ROOT));
        }

        Set<String> kidTable = new LinkedHashSet<>();
        for (List<String> row : table(Files.readString(Path.of("docs/libraries.md")), "| library | key selection by `kid` |")) {
            kidTable.add(row.get(0).trim());
        }
        assertThat(kidTable).as("docs/libraries.md: one row per library").isEqualTo(libraries);

        Set<String> tiers = new LinkedHashSet<>();
        for (List<String> row : table(Files.readString(Path.of("docs/stores.md")), "| tier | where the key lives |")) {
            Matcher m = INLINE.matcher(row.get(0));
            while (m.find()) {
                tiers.add(m.group(1));
            }
        }
        assertThat(tiers).as("docs/stores.md: one tier per store").isEqualTo(stores);
    }

    @Test
    void exitCodesMatchTheCode() {
        Map<Integer, String> rows = new LinkedHashMap<>();
        for (List<String> row : table(readme, "## Exit codes")) {
            rows.put(Integer.parseInt(row.get(0).trim()), row.get(1));
        }
        assertThat(rows.keySet()).containsExactly(Main.OK, Main.NEGATIVE, Main.USAGE, Main.INTERNAL);
        assertThat(rows.get(Main.INTERNAL)).contains("AUTHBENCH_DEBUG=1").contains("authbench: internal error: ");

        // The README's example of bad input is what the CLI prints, with the code it returns.
        Matcher example = Pattern.compile("`(authbench: no benchmark matches --include (\\S+) in profile (\\w+))`")
                .matcher(rows.get(Main.USAGE));
        assertThat(example.find()).as("README's exit-2 example").isTrue();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute("run", "--profile", example.group(3), "--include", example.group(2), "--out",
                "target/readme-test-never-created");
        assertThat(code).isEqualTo(Main.USAGE);
        assertThat(err.toString().strip()).isEqualTo(example.group(1));
        assertThat(Path.of("target/readme-test-never-created")).doesNotExist();
    }

    @Test
    void quickStartPastesIntoEveryShell() {
        int commandBlocks = 0;
        for (Block b : blocks(readme)) {
            if (!Set.of("sh", "bat", "powershell", "ps1", "cmd").contains(b.language())) {
                continue;
            }
            commandBlocks++;
            for (String line : b.lines()) {
                assertThat(line).as("a comment breaks zsh and cmd: " + line).doesNotContain(" #").doesNotStartWith("#");
                assertThat(line).as("line continuations differ per shell: " + line)
                        .doesNotEndWith("\\").doesNotEndWith("^").doesNotEndWith("`");
                assertThat(line).as("cmd does not take single quotes: " + line).doesNotContain("'");
                assertThat(line).as("a prompt does not paste: " + line).doesNotStartWith("$ ").doesNotStartWith("> ");
            }
        }
        assertThat(commandBlocks).isGreaterThanOrEqualTo(4);
        assertThat(readme).contains("\n.\\mvnw.cmd -B -ntp -DskipTests package\n");
    }

    @Test
    void readmeFitsOnAFewScreens() {
        assertThat(readme.lines().count()).isLessThanOrEqualTo(220);
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        int checked = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher m = LINK.matcher(stripCode(text));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue;
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
                assertThat(resolved).as(doc + " links to " + target).exists();
                if (hash >= 0) {
                    assertThat(anchors(Files.readString(resolved))).as(doc + " links to " + target)
                            .contains(target.substring(hash + 1));
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
    }

    // --- reading Markdown -------------------------------------------------------------------------------

    record Block(String language, List<String> lines) {
    }

    private static List<Path> documents() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(README, Path.of("CONTRIBUTING.md")));
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    private static List<Block> blocks(String text) {
        List<Block> blocks = new ArrayList<>();
        List<String> current = null;
        String language = null;
        for (String line : text.lines().toList()) {
            Matcher f = FENCE.matcher(line);
            if (f.matches()) {
                if (current == null) {
                    current = new ArrayList<>();
                    language = f.group(1);
                } else {
                    blocks.add(new Block(language, current));
                    current = null;
                }
            } else if (current != null) {
                current.add(line.strip());
            }
        }
        return blocks;
    }

    private static String stripCode(String text) {
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        for (String line : text.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            } else if (!inFence) {
                out.append(INLINE.matcher(line).replaceAll("code")).append('\n');
            }
        }
        return out.toString();
    }

    /** Command lines: code-block lines that call the jar (continuations joined), and inline code spans. */
    private static List<String> commands(String text) {
        List<String> commands = new ArrayList<>();
        String jar = "authbench.jar ";
        for (Block b : blocks(text)) {
            String joined = String.join("\n", b.lines()).replaceAll("\\\\\\n\\s*", " ");
            for (String line : joined.lines().toList()) {
                int at = line.indexOf(jar);
                if (at >= 0) {
                    commands.add(line.substring(at + jar.length()).replaceAll("\\s+#.*$", ""));
                }
            }
        }
        Matcher m = INLINE.matcher(stripFences(text));
        while (m.find()) {
            String span = m.group(1);
            int at = span.indexOf(jar);
            commands.add(at >= 0 ? span.substring(at + jar.length()) : span);
        }
        return commands;
    }

    private static String stripFences(String text) {
        StringBuilder out = new StringBuilder();
        boolean inFence = false;
        for (String line : text.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            } else if (!inFence) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The body rows of the first table after the line starting with {@code start}, as trimmed cells. */
    private static List<List<String>> table(String text, String start) {
        List<String> lines = text.lines().toList();
        int i = 0;
        while (i < lines.size() && !lines.get(i).startsWith(start)) {
            i++;
        }
        assertThat(i).as("a line starting with " + start).isLessThan(lines.size());
        if (!start.startsWith("|")) {
            while (i < lines.size() && !lines.get(i).startsWith("|")) {
                i++;
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String row = lines.get(i).strip();
            List<String> cells = new ArrayList<>();
            for (String c : row.substring(1, row.length() - 1).split("(?<!\\\\)\\|", -1)) {
                cells.add(c.strip());
            }
            rows.add(cells);
        }
        assertThat(rows).as("rows of the table at " + start).isNotEmpty();
        return rows;
    }

    /** GitHub's heading anchors, plus explicit {@code <a id>} anchors. */
    private static Set<String> anchors(String text) {
        Set<String> anchors = new LinkedHashSet<>();
        boolean inFence = false;
        for (String line : text.lines().toList()) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            } else if (!inFence && line.startsWith("#")) {
                String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
                anchors.add(heading.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
            Matcher a = Pattern.compile("<a id=\"([^\"]+)\"").matcher(line);
            while (a.find()) {
                anchors.add(a.group(1));
            }
        }
        return anchors;
    }

    private static List<String> section(List<String> lines, String header) {
        List<String> out = new ArrayList<>();
        int i = lines.indexOf(header);
        assertThat(i).as("`list` prints " + header).isNotNegative();
        for (i++; i < lines.size() && lines.get(i).startsWith("  "); i++) {
            out.add(lines.get(i));
        }
        return out;
    }

    private static List<String> strip(List<String> lines) {
        return lines.stream().map(String::strip).toList();
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        assertThat(cl.execute(args)).as("authbench " + String.join(" ", args)).isEqualTo(Main.OK);
        return out.toString();
    }
}
