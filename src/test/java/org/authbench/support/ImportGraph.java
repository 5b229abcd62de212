package org.authbench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which main classes each main class uses, read from the sources: single-type, wildcard and static imports,
 * fully qualified names written inline, and same-package classes named in the text (those need no import).
 * Enough to follow a dependency through any number of classes, which a check of direct imports cannot.
 */
public final class ImportGraph {

    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.authbench(?:\\.[a-z]\\w*)+\\.[A-Z]\\w*)");

    private final String root;
    /** Fully qualified top-level class name → its source text. */
    private final Map<String, String> sources = new TreeMap<>();

    private ImportGraph(String root) {
        this.root = root;
    }

    /** Every source under {@code sourceRoot} (e.g. {@code src/main/java}) whose package starts with {@code root}. */
    public static ImportGraph of(Path sourceRoot, String root) {
        ImportGraph g = new ImportGraph(root);
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = sourceRoot.relativize(p).toString().replace('/', '.').replaceAll("\\.java$", "");
                if (name.startsWith(root + ".")) {
                    g.sources.put(name, code(Files.readString(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    /** The source without comments and string literals, whose words name no dependency. */
    static String code(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? source.length() : end + 3;
                out.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i++);
                while (i < source.length() && source.charAt(i) != quote) {
                    i += source.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(quote).append(quote);
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    public Set<String> classes() {
        return sources.keySet();
    }

    /** The package of a class, relative to the root: {@code report}, {@code jwt.nimbus}. */
    public String packageOf(String cls) {
        return cls.substring(root.length() + 1, cls.lastIndexOf('.'));
    }

    /** The classes {@code cls} uses directly. */
    public Set<String> uses(String cls) {
        String text = sources.get(cls);
        String pkg = cls.substring(0, cls.lastIndexOf('.'));
        Set<String> out = new TreeSet<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            String target = m.group(2);
            if (m.group(3) != null) {
                sources.keySet().stream().filter(c -> c.startsWith(target + ".") && c.lastIndexOf('.') == target.length())
                        .forEach(out::add);
                known(target).ifPresent(out::add);
            } else {
                known(target).ifPresent(out::add);
            }
        }
        Matcher q = QUALIFIED.matcher(text);
        while (q.find()) {
            known(q.group(1)).ifPresent(out::add);
        }
        for (String other : sources.keySet()) {
            if (!other.equals(cls) && other.lastIndexOf('.') == pkg.length() && other.startsWith(pkg + ".")
                    && Pattern.compile("\\b" + other.substring(pkg.length() + 1) + "\\b").matcher(text).find()) {
                out.add(other);
            }
        }
        return out;
    }

    /** A name, or its longest prefix, that is a class of this graph (a nested class maps to its top-level class). */
    private Optional<String> known(String name) {
        String n = name;
        while (n.contains(".")) {
            if (sources.containsKey(n)) {
                return Optional.of(n);
            }
            n = n.substring(0, n.lastIndexOf('.'));
        }
        return Optional.empty();
    }

    /**
     * For every class reachable from {@code from}, the chain of classes that leads to it ({@code from} first);
     * breadth first, so each chain is a shortest one.
     */
    public Map<String, List<String>> reachable(String from) {
        Map<String, String> parent = new LinkedHashMap<>();
        parent.put(from, null);
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            String c = todo.poll();
            for (String u : uses(c)) {
                if (!parent.containsKey(u)) {
                    parent.put(u, c);
                    todo.add(u);
                }
            }
        }
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (String c : parent.keySet()) {
            List<String> chain = new ArrayList<>();
            for (String x = c; x != null; x = parent.get(x)) {
                chain.add(0, x);
            }
            chains.put(c, chain);
        }
        return chains;
    }
}
