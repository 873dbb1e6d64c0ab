package dev.supportassistant.knowledge.formats;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * An HTML page as Markdown, by jsoup: {@code <h2>}–{@code <h4>} become sections, the first
 * {@code <h1>} (or {@code <title>}) the title, lists, paragraphs and table rows lines of text.
 * Navigation, headers, footers, side bars, forms, scripts and styles are dropped: a help-center
 * page repeats them on every page, and they would make every page resemble every question. When the
 * page marks its content ({@code <main>}, {@code <article>}, {@code role=main}), only that is read.
 */
public final class HtmlText {

    private static final String DROPPED = "nav, header, footer, aside, script, style, noscript, template, form, "
            + "iframe, svg, canvas, button, select, [role=navigation], [role=banner], [role=contentinfo], "
            + "[aria-hidden=true], [hidden]";
    private static final Set<String> SECTION_HEADINGS = Set.of("h2", "h3", "h4");
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "main", "ul", "ol", "li",
            "pre", "blockquote", "table", "tr", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr",
            "figure", "figcaption", "details", "summary");

    private HtmlText() {
    }

    /** A web page read: its text, and the absolute addresses it links to (navigation's included). */
    public record Read(ReadDocument document, List<String> links) {
    }

    /** Reads a page at {@code url}, with the links that lead on from it, before its navigation is dropped. */
    public static Read readWithLinks(String html, String url) {
        Document page = Jsoup.parse(html, url);
        List<String> links = page.select("a[href]").stream().map(link -> link.absUrl("href"))
                .filter(link -> !link.isEmpty()).map(link -> link.replaceFirst("#.*$", "")).distinct().toList();
        return new Read(read(page), links);
    }

    /** Reads a page; {@code baseUri} resolves its links (the page's URL, or empty for a file). */
    public static ReadDocument read(String html, String baseUri) {
        return read(Jsoup.parse(html, baseUri));
    }

    static ReadDocument read(Document page) {
        page.select(DROPPED).remove();
        Element content = page.selectFirst("main, [role=main], article");
        Element root = content != null ? content : page.body();
        String title = null;
        Element h1 = root.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            title = h1.text().strip();
            h1.remove();
        } else if (!page.title().isBlank()) {
            title = page.title().strip();
        }
        StringBuilder markdown = new StringBuilder();
        walk(root, markdown);
        return new ReadDocument("html", clip(title), markdown.toString().replaceAll("[ \\t]+\\n", "\n")
                .replaceAll("\\n{3,}", "\n\n").strip());
    }

    private static void walk(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                String words = text.text().replaceAll("\\s+", " ");
                if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != ' '
                        && out.charAt(out.length() - 1) != '\n')) {
                    out.append(words.isBlank() ? " " : words);
                }
            } else if (child instanceof Element element) {
                String tag = element.normalName().toLowerCase(Locale.ROOT);
                if (SECTION_HEADINGS.contains(tag)) {
                    String heading = element.text().strip();
                    if (!heading.isEmpty()) {
                        out.append("\n\n## ").append(heading).append("\n\n");
                    }
                } else if (tag.equals("h1") || tag.equals("h5") || tag.equals("h6")) {
                    out.append("\n\n**").append(element.text().strip()).append("**\n\n");
                } else if (tag.equals("li")) {
                    out.append("\n- ");
                    walk(element, out);
                    out.append('\n');
                } else if (tag.equals("pre")) {
                    out.append("\n\n").append(element.wholeText().strip()).append("\n\n");
                } else if (tag.equals("td") || tag.equals("th")) {
                    walk(element, out);
                    out.append(" | ");
                } else if (BLOCKS.contains(tag)) {
                    out.append("\n\n");
                    walk(element, out);
                    out.append("\n\n");
                } else {
                    walk(element, out);
                }
            }
        }
    }

    /** Whether text read as UTF-8 is an HTML page rather than Markdown that happens to hold a tag. */
    static boolean looksLikeHtml(String text) {
        String start = text.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 200)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml")
                && head.contains("<html");
    }

    static @Nullable String clip(@Nullable String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String line = title.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 199) + "…";
    }
}
