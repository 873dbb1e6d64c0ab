package dev.supportassistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the manual under docs/ shows a user is what the service answers, and it leaves no endpoint out. */
class DocumentationTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping endpoints;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthAnswersAreTheOnesTheManualShows(String path) {
        var response = api.get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(Documentation.section("docs/observability.md", "Health probes and the management port"))
                .contains("`" + response.body() + "`");
    }

    @Test
    void theSampleChatReplyIsTheOneTheServiceGives() {
        JsonNode documented = JSON.readTree(Documentation.jsonAfter("docs/api.md", "A chat reply looks like this"));

        JsonNode answered = api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").json();

        for (String field : new String[] {"provider", "model", "confusion_level", "sources", "fallback"}) {
            assertThat(answered.get("message").get("metadata").get(field)).as(field)
                    .isEqualTo(documented.get("message").get("metadata").get(field));
        }
        assertThat(answered.get("should_request_screen_share")).isEqualTo(documented.get("should_request_screen_share"));
        assertThat(answered.get("confidence_score")).isEqualTo(documented.get("confidence_score"));
        assertThat(answered.get("message").get("metadata").get("token_usage").get("prompt_tokens"))
                .isEqualTo(documented.get("message").get("metadata").get("token_usage").get("prompt_tokens"));
    }

    /**
     * Each of the service's endpoints, as {@code `METHOD /path`}, is in the endpoint table of
     * docs/api.md; path variables are compared by position, not name ({@code {conversationId}} is
     * written {@code {id}} there). The desk's pages are not API endpoints: docs/desk.md describes them.
     */
    @Test
    void theApiDocumentListsEveryEndpoint() {
        String table = withoutVariableNames(Documentation.section("docs/api.md", "Endpoints"));
        List<String> served = new ArrayList<>();
        endpoints.getHandlerMethods().forEach((mapping, handler) -> {
            // The desk's web pages (/desk/...) are documented in docs/desk.md, not as API endpoints;
            // the desk's API beside them (/api/v1/desk/...) is.
            if (handler.getBeanType().getPackageName().startsWith("dev.supportassistant")) {
                mapping.getMethodsCondition().getMethods().forEach(method -> mapping.getPatternValues().stream()
                        .filter(path -> !path.equals("/desk") && !path.startsWith("/desk/"))
                        .forEach(path -> served.add(method + " " + withoutVariableNames(path))));
            }
        });

        assertThat(served).hasSizeGreaterThan(30);
        assertThat(served).allSatisfy(endpoint -> assertThat(table).as("docs/api.md, section Endpoints")
                .containsPattern(Pattern.quote("`" + endpoint) + "[`?]"));
    }

    private static String withoutVariableNames(String text) {
        return text.replaceAll("\\{[^}]*}", "{}");
    }
}
