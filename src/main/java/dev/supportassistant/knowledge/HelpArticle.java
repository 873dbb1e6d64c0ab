package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Markdown help article split into sections at its {@code ##} headings; each section becomes
 * one passage, so an answer quotes the relevant steps rather than the whole article.
 */
record HelpArticle(String slug, String title, List<Section> sections) {

    /** A section: its heading and its Markdown body. */
    record Section(String heading, String body) {
    }

    static HelpArticle parse(String fileName, String markdown) {
        String slug = fileName.replaceFirst("\\.(md|markdown|txt)$", "").toLowerCase(Locale.ROOT);
        String title = slug.replace('-', ' ');
        List<Section> sections = new ArrayList<>();
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : markdown.split("\\R", -1)) {
            if (line.startsWith("# ") && sections.isEmpty() && heading == null && body.toString().isBlank()) {
                title = line.substring(2).strip();
            } else if (line.startsWith("## ")) {
                addSection(sections, heading == null ? title : heading, body);
                heading = line.substring(3).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        addSection(sections, heading == null ? title : heading, body);
        return new HelpArticle(slug, title, List.copyOf(sections));
    }

    private static void addSection(List<Section> sections, String heading, StringBuilder body) {
        String text = body.toString().strip();
        if (!text.isEmpty()) {
            sections.add(new Section(heading, text));
        }
    }
}
