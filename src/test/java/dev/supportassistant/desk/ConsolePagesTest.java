package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The operator's console pages as the server renders them, read by a signed-in operator. */
class ConsolePagesTest extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    private String name;
    private DeskSession operator;

    @BeforeEach
    void signInAsOperator() {
        name = account("operator");
        operator = new DeskSession(port());
        operator.signIn(name, PASSWORD);
    }

    private String account(String role) {
        String account = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.asAdmin().post("/api/v1/desk/agents", "{\"name\": \"" + account + "\", \"password\": \""
                + PASSWORD + "\", \"role\": \"" + role + "\"}").status()).isEqualTo(201);
        return account;
    }

    @Test
    void theUsagePageChartsTheRepliesOfItsPeriod() {
        assertThat(api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").status()).isEqualTo(200);

        HttpResponse<String> page = operator.get("/desk/console/usage");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).containsPattern("<svg role=\"img\" aria-label=\"Replies: [^\"]*local \\d+");
    }

    @Test
    void theProvidersPageShowsACircuitOnlyForConfiguredProviders() {
        HttpResponse<String> page = operator.get("/desk/console");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body().replaceAll("\\s+", " ");
        assertThat(body).containsPattern("<span>local</span>.*?<td>closed: calls go through</td>")
                .containsPattern("<span>openai</span>.*?no: .*?</td> <td>—</td>")
                .doesNotContain("(in use)");
    }

    @Test
    void theAccountsPageOffersNoDisableButtonForTheOperatorsOwnAccount() {
        String agent = account("agent");

        String body = operator.get("/desk/console/accounts").body();

        assertThat(body).contains("aria-label=\"Disable " + agent + "\"")
                .doesNotContain("aria-label=\"Disable " + name + "\"");
    }
}
