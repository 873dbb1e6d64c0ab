package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.knowledge.formats.TestFiles;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/docs}: documents added through the API (as JSON text or as PDF, Word, HTML files) are
 * answered from, listed and deletable.
 */
class DocumentApiTest extends ApiTest {

    private static final String ARTICLE = """
            Reports can be exported for sharing outside the app.

            ## Export a report as a PDF file
            1. Open the report you want to share.
            2. Choose **File > Export** and select **PDF**.
            3. Pick a page size and select **Export**; the file lands in your Downloads folder.

            ## Schedule a weekly report email
            1. Open the report and choose **Share > Schedule**.
            2. Enter the recipients and pick a weekday.
            """;

    private JsonNode addDocument() {
        var response = api.asAdmin().post("/api/v1/docs", "{\"title\": \"Exporting reports\", \"content\": "
                + ApiClient.quote(ARTICLE) + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode ask(String question) {
        return api.chat(question).json().get("message");
    }

    @Test
    void addedDocumentAnswersTheNextQuestionWithItsSteps() {
        JsonNode document = addDocument();
        try {
            assertThat(document.get("success").asBoolean()).isTrue();
            assertThat(document.get("title").asString()).isEqualTo("Exporting reports");
            assertThat(document.get("origin").asString()).isEqualTo("api");
            assertThat(document.get("chunks").asInt()).isEqualTo(2);

            JsonNode answer = ask("How can I export a report to PDF?");

            assertThat(answer.get("content").asString()).contains("File > Export").contains("PDF")
                    .doesNotContain("Schedule a weekly report");
            assertThat(answer.get("metadata").get("sources").get(0).get("chunk_id").asString())
                    .startsWith("exporting-reports-").endsWith("#1");
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + document.get("id").asString(), null);
        }
    }

    @Test
    void listShowsTheBundledArticlesAndAddedDocuments() {
        JsonNode document = addDocument();
        try {
            JsonNode list = api.asAdmin().get("/api/v1/docs").json();

            assertThat(list.valueStream().filter(d -> d.get("origin").asString().equals("folder")))
                    .extracting(d -> d.get("source_file").asString()).contains("password-reset.md", "billing.md");
            assertThat(list.valueStream().map(d -> d.get("id").asString())).contains(document.get("id").asString());
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + document.get("id").asString(), null);
        }
    }

    @Test
    void deletedDocumentIsNoLongerListedOrAnsweredFrom() {
        String id = addDocument().get("id").asString();

        assertThat(api.asAdmin().send("DELETE", "/api/v1/docs/" + id, null).status()).isEqualTo(204);

        assertThat(api.asAdmin().get("/api/v1/docs").json().valueStream().map(d -> d.get("id").asString())).doesNotContain(id);
        assertThat(ask("How can I export a report to PDF?").get("content").asString()).doesNotContain("File > Export");
        var again = api.asAdmin().send("DELETE", "/api/v1/docs/" + id, null);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("detail").asString()).isEqualTo("Document not found");
    }

    /** The original frontend's Upload Docs page sends the title only when one was typed, and checks {@code success}. */
    @Test
    void aDocumentWithoutTitleIsNamedAfterItsFirstLine() {
        var response = api.asAdmin().post("/api/v1/docs", "{\"content\": " + ApiClient.quote(ARTICLE) + "}");
        try {
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            assertThat(response.json().get("success").asBoolean()).isTrue();
            assertThat(response.json().get("title").asString())
                    .isEqualTo("Reports can be exported for sharing outside the app.");
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + response.json().get("id").asString(), null);
        }
    }

    private static final List<TestFiles.Section> MANUAL = List.of(
            new TestFiles.Section("Pairing the Quibblo remote", List.of("Hold the red button for five seconds.",
                    "The light blinks twice when the remote is paired.")),
            new TestFiles.Section("Cleaning the Quibblo filter", List.of("Twist the filter out anticlockwise.",
                    "Rinse it under cold water and let it dry for a day.")));

    @Test
    void anUploadedPdfManualAnswersWhatOnlyItSays() {
        var response = api.asAdmin().upload("/api/v1/docs", "file", "quibblo-manual.pdf", "application/pdf",
                TestFiles.pdf("Quibblo manual", MANUAL));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        try {
            assertThat(response.json().get("title").asString()).isEqualTo("Quibblo manual");
            assertThat(response.json().get("chunks").asInt()).isEqualTo(2);

            JsonNode answer = ask("How do I clean the Quibblo filter?");

            assertThat(answer.get("content").asString()).contains("Rinse it under cold water");
            assertThat(answer.get("metadata").get("sources").get(0).get("title").asString())
                    .isEqualTo("Quibblo manual — Cleaning the Quibblo filter");
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + response.json().get("id").asString(), null);
        }
    }

    @Test
    void anUploadedWordDocumentIsSplitAtItsHeadingsAndTitledAsTheFormSays() {
        var response = api.asAdmin().upload("/api/v1/docs", "file", "quibblo.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                TestFiles.docx("Quibblo manual", MANUAL), "title", "Quibblo care");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        try {
            assertThat(response.json().get("title").asString()).isEqualTo("Quibblo care");
            assertThat(response.json().get("chunks").asInt()).isEqualTo(2);
            assertThat(ask("the quibblo remote needs pairing, how?").get("content").asString())
                    .contains("Hold the red button for five seconds");
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + response.json().get("id").asString(), null);
        }
    }

    @Test
    void aScannedPdfIsRefusedWithWhyAndNothingIsAdded() {
        int before = api.asAdmin().get("/api/v1/docs").json().size();

        var response = api.asAdmin().upload("/api/v1/docs", "file", "scan.pdf", "application/pdf",
                TestFiles.scannedPdf(1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("'scan.pdf' has no text layer, only images of its 1 page: it looks like a scanned document. "
                        + "Run it through OCR (text recognition) or export it with its text, and upload that");
        assertThat(api.asAdmin().get("/api/v1/docs").json().size()).isEqualTo(before);
    }

    @Test
    void anUploadWithoutAFileOrOfAnotherKindIsRefused() {
        var none = api.asAdmin().upload("/api/v1/docs", "file", "x", "text/plain", null, "title", "T");
        var image = api.asAdmin().upload("/api/v1/docs", "file", "photo.png", "image/png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, (byte) 0xFF});

        assertThat(none.status()).isEqualTo(400);
        assertThat(image.status()).isEqualTo(415);
        assertThat(image.json().get("detail").asString()).contains("neither PDF, Word (.docx), HTML nor UTF-8");
    }

    @Test
    void documentsWithoutContentAreRejected() {
        for (String body : new String[] {"{\"title\": \"T\"}",
                "{\"title\": \"T\", \"content\": \"   \"}", "{}", "{\"title\": 5"}) {
            var response = api.asAdmin().post("/api/v1/docs", body);

            assertThat(response.status()).as(body).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).as(body).isNotBlank();
        }
    }
}
