package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;

/** {@code KNOWLEDGE_DIR}: an operator's own articles replace the bundled ones, and edits are picked up. */
class KnowledgeFolderIT {

    @TempDir
    Path folder;

    @TempDir
    Path data;

    private String[] settings() {
        return new String[] {"KNOWLEDGE_DIR=" + folder, "spring.datasource.url=jdbc:h2:file:" + data.resolve("db")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"};
    }

    @Test
    void ownArticlesReplaceTheBundledOnesAndChangesAreReingestedAtStart() throws IOException {
        Files.createDirectories(folder.resolve("devices"));
        Files.writeString(folder.resolve("devices/printers.md"), """
                # Printing
                ## Add a network printer
                1. Open **Settings > Devices > Printers**.
                2. Select **Add printer** and pick it from the list.
                """);
        Files.writeString(folder.resolve("notes.txt"), "Our office is closed on public holidays.");

        try (RunningService service = RunningService.start(settings())) {
            ApiClient api = service.api();
            var documents = api.asAdmin().get("/api/v1/docs").json();
            assertThat(documents.valueStream().map(d -> d.get("source_file").asString()))
                    .containsExactlyInAnyOrder("devices/printers.md", "notes.txt");
            assertThat(answer(api, "How do I add a network printer?")).contains("Settings > Devices > Printers");
        }

        Files.writeString(folder.resolve("devices/printers.md"), """
                # Printing
                ## Add a network printer
                1. Open **Settings > Hardware > Printers** (renamed in version 5).
                """);
        Files.delete(folder.resolve("notes.txt"));

        try (RunningService service = RunningService.start(settings())) {
            ApiClient api = service.api();
            assertThat(api.asAdmin().get("/api/v1/docs").json().valueStream().map(d -> d.get("source_file").asString()))
                    .containsExactly("devices/printers.md");
            assertThat(answer(api, "How do I add a network printer?")).contains("Settings > Hardware > Printers");
        }
    }

    @Test
    void retrievalCanBeTurnedOff() {
        try (RunningService service = RunningService.start("KNOWLEDGE_ENABLED=false",
                "spring.datasource.url=jdbc:h2:mem:noknowledge")) {
            ApiClient api = service.api();

            assertThat(api.asAdmin().get("/api/v1/docs").json()).isEmpty();
            assertThat(answer(api, "How do I reset my password?")).contains("couldn't find");

            // A document left from an earlier run with retrieval on is not offered as a topic.
            JdbcClient jdbc = service.context().getBean(JdbcClient.class);
            jdbc.sql("""
                    INSERT INTO knowledge_documents (id, title, origin, source_file, content_hash, created_at)
                    VALUES ('left-over', 'Printing from the app', 'folder', 'printing.md', 'x', CURRENT_TIMESTAMP)
                    """).update();
            jdbc.sql("UPDATE knowledge_revision SET revision = revision + 1 WHERE id = 1").update();
            assertThat(answer(api, "How do I print a report?")).contains("couldn't find")
                    .doesNotContain("Printing from the app").doesNotContain("topics such as");
        }
    }

    private static String answer(ApiClient api, String question) {
        return api.chat(question)
                .json().get("message").get("content").asString();
    }
}
