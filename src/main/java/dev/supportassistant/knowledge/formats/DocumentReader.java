package dev.supportassistant.knowledge.formats;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * Reads a file added to the knowledge base as Markdown, telling its format from its bytes (a PDF's
 * {@code %PDF-}, a DOCX's zip signature) and, for text, from its start ({@code <!DOCTYPE html>})
 * or name ({@code .html}); anything else must be UTF-8 Markdown or text. Every refusal is a problem
 * detail saying what was wrong with the file: too large (413), not a format taken (415), or nothing
 * to answer from (422).
 */
@Component
public class DocumentReader {

    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    private final DocumentLimits limits;

    public DocumentReader(DocumentLimits limits) {
        this.limits = limits;
    }

    /**
     * A file name as a browser or client sent it, fit to be shown in a title or a refusal: without
     * folders, control characters or more than 200 characters.
     */
    public static String fileName(@Nullable String sent) {
        String name = sent == null ? "" : sent.replaceAll("\\p{Cntrl}", "").replaceFirst("^.*[/\\\\]", "").strip();
        name = name.length() <= 200 ? name : name.substring(0, 200);
        return name.isEmpty() ? "document" : name;
    }

    /** Refuses a file by its declared size, before its bytes are read. */
    public void checkSize(String name, long bytes) {
        if (bytes > limits.maxBytes()) {
            throw UploadRejectedException.tooLarge("'" + name + "' has " + bytes + " bytes; at most " + limits.maxBytes()
                    + " are taken (KNOWLEDGE_MAX_DOCUMENT_BYTES)");
        }
    }

    /** The file's text as Markdown; {@code name} is the file's name, for its format and the refusals. */
    public ReadDocument read(String name, byte[] bytes) {
        checkSize(name, bytes.length);
        if (bytes.length == 0) {
            throw UploadRejectedException.unreadable("'" + name + "' is empty");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (startsWith(bytes, PDF)) {
            return PdfText.read(bytes, name, limits);
        }
        if (startsWith(bytes, ZIP)) {
            if (!lower.endsWith(".docx") && !lower.endsWith(".docm")) {
                throw UploadRejectedException.unsupported("'" + name + "' is a zip archive; the knowledge base takes PDF, "
                        + "Word (.docx), HTML, Markdown and text files");
            }
            return DocxText.read(bytes, name, limits);
        }
        if (startsWith(bytes, OLE)) {
            throw UploadRejectedException.unsupported("'" + name + "' is an old Office file (.doc, .xls, .ppt): save it "
                    + "as .docx or PDF first");
        }
        String text = utf8(bytes, name);
        if (text.length() > limits.maxChars()) {
            throw UploadRejectedException.tooLarge("'" + name + "' has more than " + limits.maxChars()
                    + " characters (KNOWLEDGE_MAX_DOCUMENT_CHARS): split it into several documents");
        }
        ReadDocument document = lower.endsWith(".html") || lower.endsWith(".htm") || HtmlText.looksLikeHtml(text)
                ? HtmlText.read(text, "")
                : new ReadDocument("markdown", null, text.strip());
        if (document.markdown().isBlank()) {
            throw UploadRejectedException.unreadable("'" + name + "' holds no text"
                    + (document.format().equals("html") ? " outside navigation, scripts and styles" : ""));
        }
        return document;
    }

    private static String utf8(byte[] bytes, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString()
                    .replace("\uFEFF", "");
            if (text.chars().anyMatch(c -> c == 0)) {
                throw new CharacterCodingException();
            }
            return text;
        } catch (CharacterCodingException binary) {
            throw UploadRejectedException.unsupported("'" + name + "' is neither PDF, Word (.docx), HTML nor UTF-8 "
                    + "Markdown or text");
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
