/**
 * The file formats the knowledge base takes besides Markdown and text (PDF, HTML, DOCX), each read
 * into Markdown whose {@code ##} headings become the document's sections, within limits checked
 * before a parser allocates for the file.
 */
@NullMarked
package dev.supportassistant.knowledge.formats;

import org.jspecify.annotations.NullMarked;
