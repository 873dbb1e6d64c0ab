package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The operator's console pages as the server renders them, read by a signed-in operator. */
class ConsolePagesTest extends ApiTest {

    private String name;
    private DeskSession operator;

    @BeforeEach
    void signInAsOperator() {
        name = DeskAccountsForTests.create(api, "operator");
        operator = new DeskSession(port());
        operator.signIn(name, DeskAccountsForTests.PASSWORD);
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
        String agent = DeskAccountsForTests.create(api, "agent");

        String body = operator.get("/desk/console/accounts").body();

        assertThat(body).contains("aria-label=\"Disable " + agent + "\"")
                .doesNotContain("aria-label=\"Disable " + name + "\"");
    }

    @Test
    void anOperatorCannotDisableTheirOwnAccountByWritingItsNameDifferently() {
        String written = "%20" + name.toUpperCase(java.util.Locale.ROOT);

        var refused = operator.submit("/desk/console/accounts", "/desk/console/accounts/" + written + "/enabled",
                "enabled", "false", "_csrf", operator.csrf("/desk/console/accounts"));

        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/desk/console/accounts");
        assertThat(operator.get("/desk/console/accounts").body()).contains("You cannot disable your own account.");
        var accounts = api.asAdmin().get("/api/v1/desk/agents").json().get("agents");
        assertThat(accounts.valueStream().filter(account -> account.get("name").asString().equals(name))
                .map(account -> account.get("enabled").asBoolean())).containsExactly(true);
    }
}
