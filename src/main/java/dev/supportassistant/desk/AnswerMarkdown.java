package dev.supportassistant.desk;

import java.util.List;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * An AI answer's Markdown ({@code **Cancel subscription**}, lists, links) as HTML for the desk,
 * with nothing of the author's own HTML: raw HTML blocks and tags are written out as text
 * ({@code escapeHtml}), link and image addresses other than http(s), mailto and relative ones are
 * dropped ({@code sanitizeUrls}), and every link opens apart, without the desk as referrer. A model's
 * answer can carry what a customer steered it to write, so it is never trusted as markup.
 */
final class AnswerMarkdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            // commonmark's default list also has data:, a page or image of the author's own making.
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if ("a".equals(tagName)) {
                    attributes.put("rel", "nofollow noopener noreferrer");
                    attributes.put("target", "_blank");
                }
            })
            .build();

    private static final TextContentRenderer PLAIN = TextContentRenderer.builder().build();

    private AnswerMarkdown() {
    }

    static String html(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** The answer's words without their marks, on one line: for a preview such as a list's last message. */
    static String plain(String markdown) {
        return PLAIN.render(PARSER.parse(markdown)).replaceAll("\\s+", " ").strip();
    }
}
