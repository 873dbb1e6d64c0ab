package dev.supportassistant.knowledge.formats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How large a document file may be, checked before it is parsed.
 *
 * @param maxBytes {@code KNOWLEDGE_MAX_DOCUMENT_BYTES}: the largest file (PDF, DOCX, HTML, Markdown,
 *     text) added to the knowledge base; larger ones are refused by their declared size, unread
 *     ({@code MAX_UPLOAD_BYTES} bounds every upload as well)
 * @param maxPages {@code KNOWLEDGE_MAX_PDF_PAGES}: the most pages a PDF may have; more is refused
 *     before any page is read
 * @param maxChars {@code KNOWLEDGE_MAX_DOCUMENT_CHARS}: the most characters of text a file may
 *     yield (each is embedded); reading stops and the file is refused beyond it
 * @param parserMemoryBytes {@code KNOWLEDGE_PDF_MEMORY_BYTES}: the most memory PDFBox may use for
 *     one PDF's decoded streams; a PDF that needs more is refused
 */
@Validated
@ConfigurationProperties("support.knowledge.documents")
public record DocumentLimits(@Min(1024) @Max(104_857_600) long maxBytes, @Min(1) @Max(10_000) int maxPages,
        @Min(1000) @Max(5_000_000) int maxChars, @Min(1_048_576) @Max(1_073_741_824) long parserMemoryBytes) {
}
