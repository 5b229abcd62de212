package org.authbench.report;

import java.util.List;

/** Prints a {@link Doc} as GitHub-flavoured Markdown; charts are linked as {@code charts/*.png}. */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(Doc doc) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(doc.title).append("\n\n");
        for (Doc.Para p : doc.preface) {
            b.append(p.text()).append("\n\n");
        }
        b.append("Contents: ");
        for (int i = 0; i < doc.sections.size(); i++) {
            Doc.Section s = doc.sections.get(i);
            b.append(i == 0 ? "" : " · ").append('[').append(s.title()).append("](#").append(s.id()).append(')');
        }
        b.append("\n\n");
        for (Doc.Section s : doc.sections) {
            b.append("<a id=\"").append(s.id()).append("\"></a>\n\n## ").append(s.title()).append("\n\n");
            blocks(b, s.blocks(), "charts/");
        }
        return b.toString();
    }

    /** A section's blocks; charts linked under {@code charts} (a path relative to where the Markdown lives). */
    static void blocks(StringBuilder b, List<Doc.Block> blocks, String charts) {
        for (Doc.Block block : blocks) {
            if (block instanceof Doc.Para p) {
                b.append(p.text()).append("\n\n");
            } else if (block instanceof Doc.Bullets l) {
                l.items().forEach(i -> b.append("- ").append(i).append('\n'));
                b.append('\n');
            } else if (block instanceof Doc.Table t) {
                table(b, t);
            } else if (block instanceof Doc.Chart c) {
                b.append("![").append(c.alt()).append("](").append(charts).append(c.file()).append(")\n\n");
            }
        }
    }

    private static void table(StringBuilder b, Doc.Table t) {
        row(b, t.header());
        b.append('|');
        t.header().forEach(h -> b.append(" --- |"));
        b.append('\n');
        t.rows().forEach(r -> row(b, r));
        b.append('\n');
    }

    private static void row(StringBuilder b, List<String> cells) {
        b.append('|');
        for (String c : cells) {
            b.append(' ').append(c.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        b.append('\n');
    }
}
