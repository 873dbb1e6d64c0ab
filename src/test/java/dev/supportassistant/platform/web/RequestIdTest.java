package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.supportassistant.ApiTest;

/** Every response names its request id, and every log line of the request carries it. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends ApiTest {

    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aPlainIncomingRequestIdIsEchoed() {
        var response = api.get("/api/v1/health", "X-Request-Id", "frontend-7f3a.42:9_b");

        assertThat(response.header("X-Request-Id")).isEqualTo("frontend-7f3a.42:9_b");
    }

    @Test
    void withoutOneEachRequestGetsItsOwnId() {
        String first = api.get("/api/v1/health").header("X-Request-Id");
        String second = api.get("/api/v1/health").header("X-Request-Id");

        assertThat(first).matches(UUID_SHAPE);
        assertThat(second).matches(UUID_SHAPE).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "quote\"d", "{\"json\":1}", "",
            "x1234567890123456789012345678901234567890123456789012345678901234"})
    void anIdThatIsLongOrNotPlainIsReplaced(String offered) {
        var response = api.get("/api/v1/health", "X-Request-Id", offered);

        assertThat(response.header("X-Request-Id")).matches(UUID_SHAPE);
    }

    @Test
    void errorsAndRefusalsCarryTheIdToo() {
        assertThat(api.get("/api/v1/conversation/none", "X-Request-Id", "req-404").header("X-Request-Id"))
                .isEqualTo("req-404");
        assertThat(api.get("/actuator/prometheus", "X-Request-Id", "req-401").header("X-Request-Id"))
                .isEqualTo("req-401");
    }

    @Test
    void theRequestIsLoggedWithItsIdButWithoutTheCustomersWords(CapturedOutput output) {
        var response = api.chat("my invoice number is tangerine-8841", "X-Request-Id", "req-log-1");

        assertThat(response.status()).isEqualTo(200);
        assertThat(output.getOut()).containsPattern("\\[req-log-1\\] .*RequestLogFilter .*: POST /api/v1/chat 200 \\d+ ms")
                .doesNotContain("tangerine-8841");
    }

    @Test
    void theLogNamesTheRouteNotThePathThatCarriesAConversationsId(CapturedOutput output) {
        String conversationId = api.chat("How do I reset my password?")
                .json().get("conversation_id").asString();

        api.get("/api/v1/conversation/" + conversationId, "X-Request-Id", "req-log-2");
        api.get("/api/v1/conversation/" + conversationId + "/handoff", "X-Request-Id", "req-log-3");
        api.get("/api/v1/conversation/" + conversationId + "/nonsense", "X-Request-Id", "req-log-4");

        // An anonymous conversation's id is its only credential: it must not reach the log.
        assertThat(output.getOut())
                .containsPattern("\\[req-log-2\\] .*: GET /api/v1/conversation/\\{conversationId\\} 200 \\d+ ms")
                .containsPattern("\\[req-log-3\\] .*: GET /api/v1/conversation/\\{conversationId\\}/handoff 200 \\d+ ms")
                .containsPattern("\\[req-log-4\\] .*: GET \\S+ 404 \\d+ ms")
                .doesNotContain(conversationId);
    }
}
