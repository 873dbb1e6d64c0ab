package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A help article (Markdown or plain text) split into sections at its {@code ##} headings; each
 * section becomes one searchable chunk, so an answer quotes the relevant steps rather than the
 * whole article.
 */
record HelpArticle(String slug, String title, List<Section> sections) {

    /** Longer sections are split at paragraph breaks, so one chunk stays one topic for the embedding. */
    static final int MAX_CHUNK_CHARS = 1500;

    /** A section: its heading and its Markdown body. */
    record Section(String heading, String body) {
    }

    /** A piece of the article to index: its position in the article, heading and text. */
    record Chunk(int position, String heading, String text) {
    }

    /** A document posted with its own title, which replaces any {@code # } heading of the text. */
    static HelpArticle withTitle(String slug, String title, String text) {
        HelpArticle parsed = parse(slug, text);
        List<Section> sections = new ArrayList<>(parsed.sections());
        if (!sections.isEmpty() && sections.get(0).heading().equals(parsed.title())) {
            sections.set(0, new Section(title, sections.get(0).body()));
        }
        return new HelpArticle(parsed.slug(), title, List.copyOf(sections));
    }

    /**
     * The sections to index, numbered from 1. An introduction followed by sections only says what
     * the article covers, so it is left out; over-long sections are split at paragraph breaks.
     */
    List<Chunk> chunks() {
        List<Chunk> chunks = new ArrayList<>();
        boolean hasSections = sections.size() > 1;
        for (int i = 0; i < sections.size(); i++) {
            Section section = sections.get(i);
            if (hasSections && i == 0 && section.heading().equals(title)) {
                continue;
            }
            for (String part : splitLong(section.body())) {
                chunks.add(new Chunk(chunks.size() + 1, section.heading(), part));
            }
        }
        return chunks;
    }

    private static List<String> splitLong(String body) {
        if (body.length() <= MAX_CHUNK_CHARS) {
            return List.of(body);
        }
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (String paragraph : body.split("\\n\\s*\\n")) {
            if (part.length() > 0 && part.length() + paragraph.length() > MAX_CHUNK_CHARS) {
                parts.add(part.toString().strip());
                part.setLength(0);
            }
            part.append(paragraph).append("\n\n");
        }
        if (!part.toString().isBlank()) {
            parts.add(part.toString().strip());
        }
        return parts;
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
