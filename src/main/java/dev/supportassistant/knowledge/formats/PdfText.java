package dev.supportassistant.knowledge.formats;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * A PDF's text by PDFBox, as Markdown: lines set clearly larger than the body text (by at least a
 * fifth) become {@code ##} section headings, so a manual's chapters are found as sections the way an
 * article's are. PDFBox decodes the file within {@code KNOWLEDGE_PDF_MEMORY_BYTES} of memory, the
 * page count is checked before any page is read, and reading stops once the text passes
 * {@code KNOWLEDGE_MAX_DOCUMENT_CHARS}.
 */
final class PdfText {

    /** How much larger than the body text a line must be to count as a heading. */
    private static final float HEADING_SCALE = 1.2f;
    private static final int LONGEST_HEADING = 120;

    private PdfText() {
    }

    static ReadDocument read(byte[] pdf, String name, DocumentLimits limits) {
        try (PDDocument document = Loader.loadPDF(pdf, "", null, null,
                MemoryUsageSetting.setupMainMemoryOnly(limits.parserMemoryBytes()).streamCache)) {
            int pages = document.getNumberOfPages();
            if (pages > limits.maxPages()) {
                throw UploadRejectedException.tooLarge("'" + name + "' has " + pages + " pages; at most "
                        + limits.maxPages() + " are taken (KNOWLEDGE_MAX_PDF_PAGES): split it into several documents");
            }
            Lines lines = new Lines(limits.maxChars());
            lines.setSortByPosition(true);
            lines.getText(document);
            if (lines.tooLong) {
                throw UploadRejectedException.tooLarge("'" + name + "' yields more than " + limits.maxChars()
                        + " characters of text (KNOWLEDGE_MAX_DOCUMENT_CHARS): split it into several documents");
            }
            String markdown = lines.markdown();
            if (markdown.isBlank()) {
                throw UploadRejectedException.unreadable(hasImages(document)
                        ? "'" + name + "' has no text layer, only images of its " + pages + (pages == 1 ? " page" : " pages")
                                + ": it looks like a scanned document. Run it through OCR (text recognition) or "
                                + "export it with its text, and upload that"
                        : "'" + name + "' holds no text: nothing in it could be answered from");
            }
            String title = document.getDocumentInformation() == null ? null
                    : document.getDocumentInformation().getTitle();
            return new ReadDocument("pdf", HtmlText.clip(title), markdown);
        } catch (InvalidPasswordException locked) {
            throw UploadRejectedException.unreadable("'" + name + "' is protected with a password: upload a copy "
                    + "without one");
        } catch (IOException broken) {
            if (broken.getMessage() != null && broken.getMessage().contains("Maximum allowed")) {
                throw UploadRejectedException.tooLarge("'" + name + "' needs more memory to read than "
                        + "KNOWLEDGE_PDF_MEMORY_BYTES allows");
            }
            throw UploadRejectedException.unreadable("'" + name + "' is not a PDF that can be read: the file is "
                    + "damaged or incomplete");
        }
    }

    private static boolean hasImages(PDDocument document) {
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            if (resources != null) {
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.isImageXObject(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Collects the page text as lines with their font size instead of writing it out. */
    private static final class Lines extends PDFTextStripper {

        private record Line(String text, float size) {
        }

        private final int maxChars;
        private final List<Line> lines = new ArrayList<>();
        private final StringBuilder line = new StringBuilder();
        private float lineSize;
        private int chars;
        private boolean tooLong;

        Lines(int maxChars) {
            this.maxChars = maxChars;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            line.append(text);
            for (TextPosition position : positions) {
                lineSize = Math.max(lineSize, position.getFontSizeInPt());
            }
            chars += text.length();
            if (chars > maxChars) {
                tooLong = true;
                setEndPage(getCurrentPageNo()); // no further page is read
            }
        }

        @Override
        protected void writeString(String text) {
            line.append(text);
        }

        @Override
        protected void writeWordSeparator() {
            line.append(' ');
        }

        @Override
        protected void writeLineSeparator() {
            String text = line.toString().strip();
            if (!text.isEmpty()) {
                lines.add(new Line(text, lineSize));
            }
            line.setLength(0);
            lineSize = 0;
        }

        @Override
        protected void writeParagraphEnd() {
            writeLineSeparator();
            lines.add(new Line("", 0));
        }

        @Override
        protected void writePageEnd() {
            writeParagraphEnd();
        }

        /** The lines, paragraphs apart, with the lines set larger than the body text as headings. */
        String markdown() {
            writeLineSeparator();
            float body = bodySize();
            StringBuilder markdown = new StringBuilder();
            for (Line each : lines) {
                boolean heading = body > 0 && each.size() >= body * HEADING_SCALE && each.text().length() <= LONGEST_HEADING
                        && each.text().chars().anyMatch(Character::isLetter);
                if (each.text().isEmpty()) {
                    markdown.append('\n');
                } else if (heading) {
                    markdown.append("\n## ").append(each.text()).append("\n\n");
                } else {
                    markdown.append(each.text()).append('\n');
                }
            }
            return markdown.toString().replaceAll("\\n{3,}", "\n\n").strip();
        }

        /** The font size most of the text is set in, counted by characters. */
        private float bodySize() {
            Map<Float, Integer> bySize = new HashMap<>();
            for (Line each : lines) {
                bySize.merge(each.size(), each.text().length(), Integer::sum);
            }
            return bySize.entrySet().stream().filter(entry -> entry.getKey() > 0)
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(0f);
        }
    }
}
