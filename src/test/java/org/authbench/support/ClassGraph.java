package org.authbench.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which compiled main class refers to which, read from the class files' constant pools (so a reference through a
 * method signature or a field type counts, not only an import). Nested classes count as their top-level class.
 */
public final class ClassGraph {

    private static final Pattern NAME = Pattern.compile("org/authbench/[A-Za-z0-9_/$]+");

    private final Map<String, Set<String>> edges;

    private ClassGraph(Map<String, Set<String>> edges) {
        this.edges = edges;
    }

    /** The main classes in {@code rootPackage} and its subpackages, with their references among themselves. */
    public static ClassGraph of(String rootPackage, Class<?> anyMainClass) throws IOException {
        try {
            return of(rootPackage, Path.of(anyMainClass.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** As {@link #of(String, Class)}, for the class files under {@code classes}. */
    public static ClassGraph of(String rootPackage, Path classes) throws IOException {
        Path root = classes.resolve(rootPackage.replace('.', '/'));
        Map<String, Set<String>> edges = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        String prefix = rootPackage.replace('.', '/') + "/";
        for (Path f : files) {
            String self = topLevel(classes.relativize(f).toString().replace('\\', '/').replace(".class", ""));
            Set<String> out = edges.computeIfAbsent(self, k -> new TreeSet<>());
            try (InputStream in = Files.newInputStream(f)) {
                for (String s : utf8Constants(in)) {
                    Matcher m = NAME.matcher(s);
                    while (m.find()) {
                        String target = topLevel(m.group());
                        if (target.startsWith(prefix) && !target.equals(self)) {
                            out.add(target);
                        }
                    }
                }
            }
        }
        return new ClassGraph(edges);
    }

    /** The classes referring to each other in a circle that spans more than one package; empty when none. */
    public List<Set<String>> cyclesAcrossPackages() {
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> scc : stronglyConnected()) {
            if (scc.stream().map(ClassGraph::packageOf).distinct().count() > 1) {
                out.add(scc);
            }
        }
        return out;
    }

    /** This graph with one more reference: shows that {@link #cyclesAcrossPackages} can find one. */
    public ClassGraph withEdge(String from, String to) {
        Map<String, Set<String>> copy = new TreeMap<>();
        edges.forEach((k, v) -> copy.put(k, new TreeSet<>(v)));
        copy.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
        return new ClassGraph(copy);
    }

    /** The classes {@code name} refers to (slash-separated names). */
    public Set<String> references(String name) {
        return edges.getOrDefault(name, Set.of());
    }

    private static String packageOf(String name) {
        return name.substring(0, name.lastIndexOf('/'));
    }

    private static String topLevel(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
    }

    /** Tarjan's algorithm; the graphs are a few dozen classes deep at most. */
    private List<Set<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<Set<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> scc = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                scc.add(w);
            } while (!w.equals(v));
            if (scc.size() > 1) {
                out.add(scc);
            }
        }
    }

    /** Every UTF-8 constant of a class file: class names, descriptors and signatures among them. */
    private static List<String> utf8Constants(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        List<String> out = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> out.add(in.readUTF());
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    i++; // eight-byte constants take two slots
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return out;
    }
}
