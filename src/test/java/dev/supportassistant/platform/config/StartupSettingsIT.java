package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;

/**
 * Start-up with operator settings: a bad value stops the service with one line naming the
 * variable and what it accepts; good values take effect.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupSettingsIT {

    private static final String IN_MEMORY_DATABASE = "spring.datasource.url=jdbc:h2:mem:startup-"
            + System.nanoTime() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    /**
     * One start per way a setting is read in any application: before the application exists (an
     * environment post processor), while binding a settings record, while validating one, and in a
     * bean's own check. Each runs the service's start-up machinery (its environment post processors,
     * run listener, failure reporter and logging) around only its settings records and their checks
     * ({@link SettingsMessagesTest.AllSettings}), which stop the same way as in the whole service and
     * take a fraction of its start. Each stops with the one line and nothing about the failure above
     * it: no context warning with the chain of beans, no framed report, no stack trace.
     * {@link SettingsMessagesTest} covers every setting.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "DATABASE_URL        | mysql://admin:hunter2@db/support | Invalid setting DATABASE_URL: expected jdbc:postgresql://host:5432/db or postgresql://user:password@host:5432/db",
            "AI_TEMPERATURE      | hot          | Invalid setting AI_TEMPERATURE=hot: expected a number from 0 to 2",
            "CONFUSION_THRESHOLD | 1.5          | Invalid setting CONFUSION_THRESHOLD=1.5: expected a number from 0 to 1",
            "SECRET_KEY          | short-key    | Invalid setting SECRET_KEY: expected a random value of at least 32 bytes that is not the example placeholder (for example: openssl rand -hex 32), or unset it to turn customer tokens off",
    })
    void aBadSettingStopsStartUpWithOneLine(String variable, String value, String message, CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(SettingsMessagesTest.AllSettings.class)
                .web(WebApplicationType.NONE).run("--" + variable + "=" + value).close())
                .isInstanceOf(Exception.class);

        assertOneLine(output, message);
    }

    /**
     * The ways only the whole service reads a setting, on real starts: while Boot chooses its
     * configuration (its {@code management.server.port} reads {@code MANAGEMENT_PORT} through a
     * placeholder), and while the web server starts (the security filters' {@code TRUSTED_PROXIES}).
     * {@code DEFAULT_AI_PROVIDER}, a bean's own check like {@code SECRET_KEY}'s, is named in
     * {@code ActiveProviderReportTest}.
     */
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "MANAGEMENT_PORT     | abc          | Invalid setting MANAGEMENT_PORT=abc: expected a whole number from 0 to 65535",
            "TRUSTED_PROXIES     | garbage      | Invalid setting TRUSTED_PROXIES=garbage: expected IP addresses or CIDR ranges, comma-separated, such as 10.0.0.5,192.168.0.0/16; 'garbage' is not one",
    })
    void aBadSettingStopsTheServiceWithOneLine(String variable, String value, String message, CapturedOutput output) {
        assertThatThrownBy(() -> RunningService.start(IN_MEMORY_DATABASE, variable + "=" + value).close())
                .isInstanceOf(Exception.class);

        assertOneLine(output, message);
    }

    private static void assertOneLine(CapturedOutput output, String message) {
        List<String> lines = output.getAll().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).filteredOn(line -> line.contains("Invalid setting")).singleElement()
                .satisfies(line -> assertThat(line).endsWith(" " + message));
        assertThat(lines).filteredOn(line -> line.contains(" ERROR ")).singleElement()
                .satisfies(line -> assertThat(line).contains("Invalid setting"));
        assertThat(lines).noneMatch(line -> line.contains("Exception") || line.contains("APPLICATION FAILED")
                || line.contains("Error starting ApplicationContext") || line.contains("Application run failed")
                || line.startsWith("\tat ") || line.startsWith("Caused by") || line.contains("hunter2"));
        int reported = lines.indexOf(lines.stream().filter(line -> line.contains("Invalid setting")).findFirst().get());
        assertThat(lines.subList(reported + 1, lines.size())).noneMatch(line -> line.contains(" WARN "));
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
