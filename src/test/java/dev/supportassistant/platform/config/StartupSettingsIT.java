package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;

/**
 * Start-up with operator settings: a bad value stops the service with Boot's failure report naming
 * the variable and what it accepts; good values take effect.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSettingsIT {

    private static final String IN_MEMORY_DATABASE = "spring.datasource.url=jdbc:h2:mem:startup-"
            + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    /**
     * A setting read before the application exists ({@code DATABASE_URL}) and one read while binding a
     * settings record, each with a secret in its value, on starts of the service's settings records
     * and their checks alone ({@link SettingsMessagesTest.AllSettings}), which stop the same way as the
     * whole service and take a fraction of its start: Boot reports the line of
     * {@link SettingsFailureAnalyzer} (not its own analysis, which shows every value), with no stack
     * trace, and the secret appears nowhere. {@link SettingsMessagesTest} covers every setting.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "DATABASE_URL          | mysql://admin:hunter2@db/support | Invalid setting DATABASE_URL: expected jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db",
            "AGORA_APP_CERTIFICATE | hunter2                          | Invalid setting AGORA_APP_CERTIFICATE: expected 32 hexadecimal characters, or nothing",
    })
    void aBadSettingStopsStartUpWithBootsReportNamingIt(String variable, String value, String message,
            CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SettingsMessagesTest.AllSettings.class)
                .web(WebApplicationType.NONE).run("--" + variable + "=" + value).close())
                .isInstanceOf(Exception.class);

        assertReported(output, message);
    }

    /** Boot's management configuration alone, which reads {@code management.server.port} to choose. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ManagementContextAutoConfiguration.class)
    static class ManagementOnly {
    }

    /**
     * Boot reads its management port while it chooses its configuration, before any settings record
     * is bound, and fails on a value that is no number there: named the same way. It stops before a
     * web server would start.
     */
    @Test
    void aSettingBootReadsWhileChoosingItsConfigurationIsNamedToo(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ManagementOnly.class).web(WebApplicationType.SERVLET)
                .run("--MANAGEMENT_PORT=abc").close()).isInstanceOf(Exception.class);

        assertReported(output, "Invalid setting MANAGEMENT_PORT=abc: expected a whole number");
    }

    private static void assertReported(CapturedOutput output, String message) {
        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).singleElement()
                .satisfies(line -> assertThat(line).contains("LoggingFailureAnalysisReporter"));
        assertThat(String.join("\n", lines)).contains("APPLICATION FAILED TO START\n***************************\n\n"
                + "Description:\n\n" + message + "\n\nAction:\n\nSet it in the environment or in .env; "
                + "docs/configuration.md says what each setting accepts.\n");
        assertThat(lines).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by")
                || line.contains("hunter2"));
    }

    @Test
    void debugTurnsOnTheInteractiveDocsAndTheOpenApiDocument() {
        try (RunningService service = RunningService.start(IN_MEMORY_DATABASE, "DEBUG=true")) {
            ApiClient api = service.api();

            var openApi = api.get("/openapi.json");
            var root = api.get("/").json();
            assertThat(openApi.status()).isEqualTo(200);
            assertThat(openApi.json().get("paths").has("/api/v1/chat")).isTrue();
            assertThat(openApi.json().get("paths").propertyNames()).as("the desk's pages are no API")
                    .noneMatch(path -> path.startsWith("/desk")).contains("/api/v1/desk/conversations");
            // One name and version, from the build, in the document and at the root.
            assertThat(openApi.json().get("info").get("title").asString()).isEqualTo(root.get("message").asString());
            assertThat(openApi.json().get("info").get("version").asString()).isEqualTo(root.get("version").asString())
                    .isEqualTo(service.context().getEnvironment().getProperty("support.version"));
            assertThat(root.get("docs").asString()).isEqualTo("/docs");
            assertThat(api.get("/docs").status()).isIn(200, 302);
            var ui = api.get("/swagger-ui/index.html");
            assertThat(ui.status()).isEqualTo(200);
            // The docs page runs scripts, so it alone goes without the content policy.
            assertThat(ui.header("Content-Security-Policy")).isNull();
            assertThat(openApi.header("Content-Security-Policy")).contains("default-src 'none'");
        }
    }
}
