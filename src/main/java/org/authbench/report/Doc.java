package org.authbench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The report as data: sections of paragraphs, bullet lists, tables and charts. {@link MarkdownRenderer} and
 * {@link HtmlRenderer} print the same document, so both files always state the same facts.
 */
final class Doc {

    sealed interface Block permits Para, Bullets, Table, Chart {
    }

    /** Plain text; {@code `code`} spans are the only markup. */
    record Para(String text) implements Block {
    }

    record Bullets(List<String> items) implements Block {
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {

        /** A cell that holds no measurement. */
        static boolean empty(String cell) {
            return cell == null || cell.isBlank() || cell.equals("—");
        }

        /** The table without columns that hold no measurement in any row (e.g. B/op in a run without a GC profiler). */
        Table withoutEmptyColumns() {
            if (rows.isEmpty()) {
                return this;
            }
            List<Integer> keep = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                int col = c;
                if (rows.stream().anyMatch(r -> col >= r.size() || !empty(r.get(col)))) {
                    keep.add(c);
                }
            }
            if (keep.size() == header.size()) {
                return this;
            }
            List<List<String>> kept = new ArrayList<>();
            for (List<String> r : rows) {
                kept.add(keep.stream().filter(c -> c < r.size()).map(r::get).toList());
            }
            return new Table(keep.stream().map(header::get).toList(), kept);
        }
    }

    /** A PNG written to {@code charts/<file>}, embedded in the HTML and linked from the Markdown. */
    record Chart(String file, String alt, byte[] png) implements Block {
    }

    record Section(String id, String title, List<Block> blocks) {
    }

    final String title;
    final List<Para> preface = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();

    Doc(String title) {
        this.title = title;
    }

    Section section(String id, String title) {
        Section s = new Section(id, title, new ArrayList<>());
        sections.add(s);
        return s;
    }

    static void para(Section s, String text) {
        s.blocks().add(new Para(text));
    }

    List<Chart> charts() {
        List<Chart> out = new ArrayList<>();
        for (Section s : sections) {
            for (Block b : s.blocks()) {
                if (b instanceof Chart c) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
