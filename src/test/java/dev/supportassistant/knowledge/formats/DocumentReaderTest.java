package dev.supportassistant.knowledge.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Files read for the knowledge base: each format's sections, and each refusal said in its detail. */
class DocumentReaderTest {

    private static final List<TestFiles.Section> MANUAL = List.of(
            new TestFiles.Section("Pairing the remote", List.of("Hold the red button for five seconds.",
                    "The light blinks twice when the remote is paired.")),
            new TestFiles.Section("Replacing the battery", List.of("Slide the back cover down.",
                    "Use one CR2032 coin cell.")));

    private final DocumentReader reader = new DocumentReader(new DocumentLimits(1_000_000, 3, 100_000, 64L << 20));

    @Test
    void aPdfsLargerLinesBecomeSections() {
        ReadDocument document = reader.read("manual.pdf", TestFiles.pdf("Remote manual", MANUAL));

        assertThat(document.format()).isEqualTo("pdf");
        assertThat(document.title()).isEqualTo("Remote manual");
        assertThat(document.markdown()).contains("## Pairing the remote\n\nHold the red button for five seconds.")
                .contains("## Replacing the battery").contains("Use one CR2032 coin cell.");
    }

    @Test
    void aScannedPdfIsRefusedAsScanned() {
        assertThatThrownBy(() -> reader.read("scan.pdf", TestFiles.scannedPdf(2)))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
                    assertThat(refused.getBody().getDetail()).contains("'scan.pdf' has no text layer")
                            .contains("scanned").contains("OCR");
                });
    }

    @Test
    void aPdfWithMorePagesThanAllowedIsRefusedBeforeItsPagesAreRead() {
        List<TestFiles.Section> four = List.of(MANUAL.get(0), MANUAL.get(1), MANUAL.get(0), MANUAL.get(1));

        assertThatThrownBy(() -> reader.read("long.pdf", TestFiles.pdf("Long", four)))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(refused.getBody().getDetail()).contains("has 4 pages; at most 3")
                            .contains("KNOWLEDGE_MAX_PDF_PAGES");
                });
    }

    @Test
    void aDamagedPdfIsUnreadable() {
        byte[] pdf = TestFiles.pdf("Remote manual", MANUAL);
        byte[] cut = Arrays.copyOf(pdf, 40);

        assertThatThrownBy(() -> reader.read("cut.pdf", cut)).isInstanceOfSatisfying(ErrorResponseException.class,
                refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT));
    }

    @Test
    void aWordDocumentsHeadingStylesBecomeSections() {
        ReadDocument document = reader.read("manual.docx", TestFiles.docx("Remote manual", MANUAL));

        assertThat(document.format()).isEqualTo("docx");
        assertThat(document.title()).isEqualTo("Remote manual");
        assertThat(document.markdown()).startsWith("## Pairing the remote\n\nHold the red button for five seconds.")
                .contains("## Replacing the battery\n\nSlide the back cover down.");
    }

    @Test
    void anHtmlPageKeepsItsContentAndHeadingsAndDropsNavigationAndScripts() {
        String page = """
                <!DOCTYPE html><html><head><title>Help · Remote</title><style>body{color:red}</style></head>
                <body><nav><a href="/">Home</a> <a href="/billing">Billing</a></nav>
                <header>Acme help center</header>
                <main><h1>Remote control</h1><p>All about the <b>remote</b>.</p>
                <h2>Pairing the remote</h2><ol><li>Hold the red button.</li><li>Wait for two blinks.</li></ol>
                <h3>Replacing the battery</h3><p>Use one CR2032 coin cell.</p>
                <script>track('view')</script></main>
                <footer>© Acme · Privacy</footer></body></html>
                """;

        ReadDocument document = reader.read("remote.html", page.getBytes(StandardCharsets.UTF_8));

        assertThat(document.format()).isEqualTo("html");
        assertThat(document.title()).isEqualTo("Remote control");
        assertThat(document.markdown()).contains("All about the remote.")
                .contains("## Pairing the remote\n\n- Hold the red button.\n\n- Wait for two blinks.")
                .contains("## Replacing the battery\n\nUse one CR2032 coin cell.")
                .doesNotContain("Home").doesNotContain("Billing").doesNotContain("track(").doesNotContain("color")
                .doesNotContain("Acme help center").doesNotContain("Privacy");
    }

    @Test
    void markdownIsTakenAsItIs() {
        ReadDocument document = reader.read("notes.md", "# Notes\n\n## Step one\nDo it.\n".getBytes(StandardCharsets.UTF_8));

        assertThat(document.format()).isEqualTo("markdown");
        assertThat(document.markdown()).isEqualTo("# Notes\n\n## Step one\nDo it.");
    }

    @Test
    void aWordDocumentThatUnpacksToHundredsOfMegabytesIsRefusedAsTooLarge() throws Exception {
        byte[] bomb = wordDocumentUnpackingTo(120 << 20);

        assertThat(bomb.length).isLessThan(1 << 20);
        assertThatThrownBy(() -> reader.read("bomb.docx", bomb)).isInstanceOfSatisfying(
                ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(refused.getBody().getDetail()).contains("'bomb.docx'").contains("unpacked");
                });
    }

    /**
     * A .docx whose body is {@code bytes} of one letter, under a megabyte packed, with every entry's
     * size in its local header (as most zip tools write it; commons-compress does so writing a file).
     */
    private static byte[] wordDocumentUnpackingTo(int bytes) throws IOException {
        Path file = Files.createTempFile("bomb", ".docx");
        try {
            try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(file.toFile())) {
                entry(zip, "[Content_Types].xml", ("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                        + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
                        + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                        .getBytes(StandardCharsets.UTF_8), 1);
                entry(zip, "_rels/.rels", ("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/"
                        + "package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/"
                        + "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
                        .getBytes(StandardCharsets.UTF_8), 1);
                byte[] letters = new byte[1 << 20];
                Arrays.fill(letters, (byte) 'a');
                entry(zip, "word/document.xml", letters, bytes / letters.length);
            }
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static void entry(ZipArchiveOutputStream zip, String name, byte[] content, int times) throws IOException {
        zip.putArchiveEntry(new ZipArchiveEntry(name));
        for (int i = 0; i < times; i++) {
            zip.write(content);
        }
        zip.closeArchiveEntry();
    }

    @Test
    void aFileLargerThanTheLimitIsRefusedByItsDeclaredSize() {
        DocumentReader small = new DocumentReader(new DocumentLimits(1024, 3, 100_000, 64L << 20));

        assertThatThrownBy(() -> small.checkSize("big.pdf", 5_000_000)).isInstanceOfSatisfying(
                ErrorResponseException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
                    assertThat(refused.getBody().getDetail()).isEqualTo(
                            "'big.pdf' has 5000000 bytes; at most 1024 are taken (KNOWLEDGE_MAX_DOCUMENT_BYTES)");
                });
    }

    @Test
    void textYieldingMoreCharactersThanAllowedIsRefused() {
        DocumentReader small = new DocumentReader(new DocumentLimits(1_000_000, 3, 1000, 64L << 20));

        byte[] pdf = TestFiles.pdf("Long", List.of(new TestFiles.Section("Words",
                Collections.nCopies(40, "Forty words of a paragraph that goes on and on for a while."))));

        assertThatThrownBy(() -> small.read("long.pdf", pdf))
                .isInstanceOfSatisfying(ErrorResponseException.class, refused -> assertThat(
                        refused.getBody().getDetail()).contains("KNOWLEDGE_MAX_DOCUMENT_CHARS"));
    }

    @Test
    void otherFilesAreRefusedAsUnsupported() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, (byte) 0xFF, (byte) 0xFE};
        byte[] zip = {'P', 'K', 3, 4, 0, 0};
        byte[] doc = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0};

        for (var file : List.of(Map.entry("photo.png", png), Map.entry("files.zip", zip),
                Map.entry("old.doc", doc))) {
            assertThatThrownBy(() -> reader.read(file.getKey(), file.getValue())).as(file.getKey())
                    .isInstanceOfSatisfying(ErrorResponseException.class,
                            refused -> assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    @Test
    void fileNamesLoseTheirFoldersAndControlCharacters() {
        assertThat(DocumentReader.fileName("C:\\Users\\me\\manual\u0007.pdf")).isEqualTo("manual.pdf");
        assertThat(DocumentReader.fileName("  ")).isEqualTo("document");
    }
}
