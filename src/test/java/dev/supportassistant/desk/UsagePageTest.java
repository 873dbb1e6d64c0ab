package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The operator's usage page draws its charts once there are AI replies in its period. */
class UsagePageTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void theUsagePageChartsTheRepliesOfItsPeriod() {
        String operator = "operator-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.asAdmin().post("/api/v1/desk/agents", "{\"name\": \"" + operator + "\", \"password\": \""
                + PASSWORD + "\", \"role\": \"operator\"}").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").status()).isEqualTo(200);
        DeskSession session = new DeskSession(port());
        session.signIn(operator, PASSWORD);

        HttpResponse<String> page = session.get("/desk/console/usage");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<svg role=\"img\" aria-label=\"Replies: [^\"]*local \\d+");
    }
}
