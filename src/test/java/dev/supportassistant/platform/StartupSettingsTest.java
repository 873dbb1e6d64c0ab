package dev.supportassistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;

/**
 * Start-up with operator settings: a bad value stops the service with one line naming the
 * variable and what it accepts; good values take effect.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSettingsTest {

    private static final String IN_MEMORY_DATABASE = "spring.datasource.url=jdbc:h2:mem:startup-"
            + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "AI_TEMPERATURE      | hot          | Invalid setting AI_TEMPERATURE=hot: expected a number",
            "AI_TEMPERATURE      | 7            | Invalid setting AI_TEMPERATURE=7: expected a value that must be less than or equal to 2.0",
            "AI_MAX_TOKENS       | lots         | Invalid setting AI_MAX_TOKENS=lots: expected a whole number",
            "API_PORT            | -1           | Invalid setting API_PORT=-1: expected a value that must be greater than or equal to 1",
            "API_PORT            | http         | Invalid setting API_PORT=http: expected a whole number",
            "DEBUG               | perhaps      | Invalid setting DEBUG=perhaps: expected true or false",
            "DEFAULT_AI_PROVIDER | skynet       | Invalid setting DEFAULT_AI_PROVIDER=skynet: expected one of anthropic, local, ollama, openai",
            "CORS_ORIGINS        | [\"http://a   | Invalid setting CORS_ORIGINS=[\"http://a: expected a JSON list",
            "KNOWLEDGE_DIR       | /no/such/dir | Invalid setting KNOWLEDGE_DIR=/no/such/dir: expected an existing folder",
            "CONFUSION_THRESHOLD | 1.5          | Invalid setting CONFUSION_THRESHOLD=1.5: expected a value that must be less than or equal to 1.0",
            "LOG_FORMAT          | xml          | Invalid setting LOG_FORMAT=xml: expected plain or json",
    })
    void badSettingStopsStartUpNamingTheVariable(String variable, String value, String message, CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(IN_MEMORY_DATABASE, variable + "=" + value).close())
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr()).contains(message);
    }

    @ParameterizedTest
    @CsvSource({"change-me-in-production", "short-key"})
    void weakSecretKeyStopsAProductionStartWithoutEchoingIt(String secret, CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(IN_MEMORY_DATABASE, "SECRET_KEY=" + secret).close())
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Invalid setting SECRET_KEY: expected a random value of at least 32 bytes")
                .doesNotContain("SECRET_KEY=" + secret);
    }

    @Test
    void aShortAdminKeyStopsAProductionStartWithoutEchoingIt(CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(IN_MEMORY_DATABASE, "ADMIN_API_KEY=letmein-2024").close())
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Invalid setting ADMIN_API_KEY: expected a random value of at least 32 characters")
                .doesNotContain("letmein-2024");
    }

    @Test
    void badDatabaseUrlIsNamedWithoutEchoingItsPassword(CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start("DATABASE_URL=mysql://admin:hunter2@db/support").close())
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("Invalid setting DATABASE_URL: expected jdbc:postgresql://host:5432/db or "
                        + "postgresql://user:password@host:5432/db")
                .doesNotContain("hunter2");
    }

    @Test
    void debugTurnsOnTheInteractiveDocsAndTheOpenApiDocument() {
        try (RunningService service = RunningService.start(IN_MEMORY_DATABASE, "DEBUG=true")) {
            ApiClient api = service.api();

            var openApi = api.get("/openapi.json");
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.json().get("paths").has("/api/v1/chat")).isTrue();
            assertThat(api.get("/docs").status()).isIn(200, 302);
            assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
        }
    }

    @Test
    void corsOriginsAcceptTheJsonListForm() {
        try (RunningService service = RunningService.start(IN_MEMORY_DATABASE,
                "CORS_ORIGINS=[\"https://support.example.com\", \"https://app.example.com/\"]")) {
            var allowed = service.api().send("OPTIONS", "/api/v1/chat", null, "Origin", "https://app.example.com",
                    "Access-Control-Request-Method", "POST");
            var refused = service.api().send("OPTIONS", "/api/v1/chat", null, "Origin", "http://localhost:3000",
                    "Access-Control-Request-Method", "POST");

            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo("https://app.example.com");
            assertThat(refused.status()).isEqualTo(403);
        }
    }
}
