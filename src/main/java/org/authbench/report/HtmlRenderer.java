package org.authbench.report;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints a {@link Doc} as one self-contained HTML page: styles inline, charts as {@code data:} URIs, no
 * script, no font or link outside the file, so it renders offline and can be mailed as is.
 */
final class HtmlRenderer {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:1100px;margin:2em auto;\
            padding:0 1em;color:#1d1d1f;line-height:1.45}
            h1{font-size:1.7em;margin-bottom:.2em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:1.8em}
            table{border-collapse:collapse;margin:.8em 0;font-size:.9em}
            th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
            th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            td.holds{background:#e5f5e5}td.qualified{background:#fff5d6}td.fails{background:#fbe3e3}\
            td.none{background:#eee;color:#555}
            code{background:#f3f3f3;padding:0 .2em;border-radius:3px}
            img{max-width:100%;height:auto;border:1px solid #eee;margin:.5em 0}
            nav a{margin-right:.8em}
            """;

    private HtmlRenderer() {
    }

    static String render(Doc doc) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(doc.title))
                .append("</title>\n<style>\n").append(STYLE).append("</style></head>\n<body>\n<h1>")
                .append(esc(doc.title)).append("</h1>\n");
        for (Doc.Para p : doc.preface) {
            b.append("<p>").append(inline(p.text())).append("</p>\n");
        }
        b.append("<nav>");
        for (Doc.Section s : doc.sections) {
            b.append("<a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a>");
        }
        b.append("</nav>\n");
        for (Doc.Section s : doc.sections) {
            b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(esc(s.title())).append("</h2>\n");
            for (Doc.Block block : s.blocks()) {
                if (block instanceof Doc.Para p) {
                    b.append("<p>").append(inline(p.text())).append("</p>\n");
                } else if (block instanceof Doc.Bullets l) {
                    b.append("<ul>");
                    l.items().forEach(i -> b.append("<li>").append(inline(i)).append("</li>"));
                    b.append("</ul>\n");
                } else if (block instanceof Doc.Table t) {
                    table(b, t);
                } else if (block instanceof Doc.Chart c) {
                    b.append("<figure><img alt=\"").append(esc(c.alt())).append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(c.png())).append("\"><figcaption>")
                            .append(esc(c.alt())).append("</figcaption></figure>\n");
                }
            }
            b.append("</section>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    private static void table(StringBuilder b, Doc.Table t) {
        b.append("<table><thead><tr>");
        t.header().forEach(h -> b.append("<th>").append(inline(h)).append("</th>"));
        b.append("</tr></thead><tbody>\n");
        for (List<String> r : t.rows()) {
            b.append("<tr>");
            for (String c : r) {
                b.append("<td").append(cellClass(c)).append('>').append(inline(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n");
    }

    /** Numbers align right; verdicts get a colour. */
    private static String cellClass(String c) {
        String l = c.toLowerCase(Locale.ROOT);
        if (l.startsWith("holds with qualification") || l.startsWith("not resolved")) {
            return " class=\"qualified\"";
        }
        if (l.startsWith("holds")) {
            return " class=\"holds\"";
        }
        if (l.startsWith("does not hold")) {
            return " class=\"fails\"";
        }
        if (l.startsWith("no evidence")) {
            return " class=\"none\"";
        }
        return c.matches("[-0-9.,×± n/a—%]+[a-zA-Z/%]*") ? " class=\"num\"" : "";
    }

    private static String inline(String text) {
        Matcher m = CODE.matcher(esc(text));
        return m.replaceAll("<code>$1</code>");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
