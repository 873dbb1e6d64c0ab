package dev.supportassistant.knowledge.formats;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;

/** PDF and Word files made in the test, by the same libraries that read them in the service. */
public final class TestFiles {

    /** A section of a test document: a heading and its paragraphs. */
    public record Section(String heading, List<String> paragraphs) {
    }

    private TestFiles() {
    }

    /** A PDF with its title in its properties, one page per section, headings set at 18 pt over 11 pt text. */
    public static byte[] pdf(String title, List<Section> sections) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            PDType1Font body = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            for (Section section : sections) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                    text.beginText();
                    text.newLineAtOffset(72, 700);
                    text.setFont(bold, 18);
                    text.showText(section.heading());
                    text.setFont(body, 11);
                    for (String paragraph : section.paragraphs()) {
                        text.newLineAtOffset(0, -28);
                        text.showText(paragraph);
                    }
                    text.endText();
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A PDF of pages that are pictures only, as a scanner makes them. */
    public static byte[] scannedPdf(int pages) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            BufferedImage scan = new BufferedImage(200, 260, BufferedImage.TYPE_INT_RGB);
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage();
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.drawImage(LosslessFactory.createFromImage(document, scan), 50, 50);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Word document: the title in the Title style, each heading in Heading 1. */
    public static byte[] docx(String title, List<Section> sections) {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph titleParagraph = document.createParagraph();
            titleParagraph.setStyle("Title");
            titleParagraph.createRun().setText(title);
            for (Section section : sections) {
                XWPFParagraph heading = document.createParagraph();
                heading.setStyle("Heading1");
                heading.createRun().setText(section.heading());
                for (String text : section.paragraphs()) {
                    document.createParagraph().createRun().setText(text);
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
