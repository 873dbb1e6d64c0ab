package dev.supportassistant.knowledge.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jspecify.annotations.Nullable;

import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * A Word document (DOCX) by Apache POI's XWPF, as Markdown: paragraphs in Word's heading styles
 * become {@code ##} sections, the Title style the title, list paragraphs items, table rows lines.
 * A DOCX is a zip: POI's zip-bomb guard refuses entries that inflate more than a hundredfold, and
 * the largest entry is bounded here by the text a document may yield, so a small file cannot
 * expand into gigabytes.
 */
final class DocxText {

    private DocxText() {
    }

    static ReadDocument read(byte[] docx, String name, DocumentLimits limits) {
        // Process-wide POI settings: POI reads nothing else in this service. XML takes a few bytes per character.
        ZipSecureFile.setMaxEntrySize(Math.max(limits.maxChars() * 64L, 16L * 1024 * 1024));
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            StringBuilder markdown = new StringBuilder();
            String title = document.getProperties().getCoreProperties().getTitle();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    String text = paragraph.getText().strip();
                    String style = styleName(document, paragraph);
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (style.equals("title") && (title == null || title.isBlank())) {
                        title = text;
                    } else if (style.startsWith("heading")) {
                        markdown.append("\n## ").append(text).append("\n\n");
                    } else if (paragraph.getNumID() != null) {
                        markdown.append("- ").append(text).append('\n');
                    } else {
                        markdown.append(text).append("\n\n");
                    }
                } else if (element instanceof XWPFTable table) {
                    for (XWPFTableRow row : table.getRows()) {
                        StringBuilder line = new StringBuilder();
                        for (XWPFTableCell cell : row.getTableCells()) {
                            line.append(line.isEmpty() ? "" : " | ").append(cell.getText().strip());
                        }
                        markdown.append(line).append('\n');
                    }
                    markdown.append('\n');
                }
                if (markdown.length() > limits.maxChars()) {
                    throw UploadRejectedException.tooLarge("'" + name + "' yields more than " + limits.maxChars()
                            + " characters of text (KNOWLEDGE_MAX_DOCUMENT_CHARS): split it into several documents");
                }
            }
            String text = markdown.toString().replaceAll("\\n{3,}", "\n\n").strip();
            if (text.isEmpty()) {
                throw UploadRejectedException.unreadable("'" + name + "' holds no text: nothing in it could be answered "
                        + "from (a document of pictures only needs its text typed or recognised first)");
            }
            return new ReadDocument("docx", HtmlText.clip(title), text);
        } catch (RecordFormatException expandsTooMuch) {
            // POI refuses, before allocating, an entry whose declared unpacked size is over its limit.
            throw UploadRejectedException.tooLarge("'" + name + "' expands to more than a Word document may when "
                    + "unpacked: split it into several documents");
        } catch (NotOfficeXmlFileException | POIXMLException | IOException | IllegalStateException broken) {
            throw UploadRejectedException.unreadable("'" + name + "' is not a Word document (.docx) that can be read: "
                    + "the file is damaged, incomplete, or expands too much when unpacked");
        }
    }

    /** The paragraph's style name in lower case ({@code heading 1}, {@code title}), or empty. */
    private static String styleName(XWPFDocument document, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null) {
            return "";
        }
        XWPFStyle style = document.getStyles() == null ? null : document.getStyles().getStyle(id);
        @Nullable String name = style == null ? null : style.getName();
        // Word names built-in styles in English whatever its language ("heading 1"); the id may be localised.
        String shown = (name != null ? name : id).toLowerCase(Locale.ROOT).replace(" ", "");
        return shown.matches("heading[1-9]") ? "heading" : shown;
    }
}
