package dev.supportassistant.knowledge.formats;

import org.jspecify.annotations.Nullable;

/**
 * A file read for the knowledge base: its text as Markdown ({@code ##} headings start sections) and
 * the title the file itself carries.
 *
 * @param format what it was read as: {@code pdf}, {@code docx}, {@code html}, {@code markdown}
 * @param title the file's own title (a PDF's or DOCX's properties, an HTML {@code <title>} or
 *     {@code <h1>}); absent when it has none
 */
public record ReadDocument(String format, @Nullable String title, String markdown) {
}
