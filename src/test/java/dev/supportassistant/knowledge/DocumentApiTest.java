package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/docs}: documents added through the API are answered from, listed and deletable. */
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
