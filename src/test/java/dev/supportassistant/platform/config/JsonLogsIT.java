package dev.supportassistant.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemProperty;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

import dev.supportassistant.RunningService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code LOG_FORMAT=json}: one JSON object a line, each of a request's lines with its id.
 *
 * <p>Logging is set up once per JVM, by the first application and for all: this test makes its
 * service set it up anew as JSON, and afterwards puts plain logging back for the other tests'
 * applications, which share the JVM.
 */
@ExtendWith(OutputCaptureExtension.class)
class JsonLogsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final LoggingSystem logging = LoggingSystem.get(JsonLogsIT.class.getClassLoader());

    @BeforeEach
    void letTheServiceSetUpLogging() {
        logging.cleanUp();
    }

    @AfterEach
    void restorePlainLogging() {
        System.clearProperty(LoggingSystemProperty.CONSOLE_STRUCTURED_FORMAT.getEnvironmentVariableName());
        logging.cleanUp();
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(new StandardEnvironment()), null, null);
    }

    @Test
    void everyLineIsJsonAndTheRequestsLinesCarryItsId(CapturedOutput output) {
        try (RunningService service = RunningService.start("LOG_FORMAT=json",
                "spring.datasource.url=jdbc:h2:mem:json-logs-" + System.nanoTime() + ";MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")) {
            var response = service.api().chat("my account number is walrus-5512, please help", "X-Request-Id",
                    "json-req-1");
            assertThat(response.status()).isEqualTo(200);
        }

        List<JsonNode> logged = output.getOut().lines().filter(line -> line.startsWith("{")).map(JSON::readTree)
                .toList();
        assertThat(logged).hasSizeGreaterThan(5)
                .allSatisfy(line -> assertThat(line.has("@timestamp") && line.has("message")).isTrue());
        assertThat(logged).filteredOn(line -> line.path("requestId").asString("").equals("json-req-1"))
                .extracting(line -> line.get("message").asString())
                .anyMatch(message -> message.matches("POST /api/v1/chat 200 \\d+ ms"));
        assertThat(output.getOut()).doesNotContain("walrus-5512");
    }
}
