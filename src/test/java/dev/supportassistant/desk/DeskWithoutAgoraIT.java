package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.NothingConfigured;
import dev.supportassistant.accounts.DeskAccounts;

/**
 * Without Agora's credentials the desk's conversation page says why the customer's screen cannot be
 * viewed, rather than waiting for a share that cannot start (the tests' shared service has Agora:
 * {@link DeskBrowserIT} shows the other side).
 */
@ExtendWith(NothingConfigured.class)
class DeskWithoutAgoraIT {

    @Test
    void theScreenViewSaysItIsUnavailableAndWhy() {
        DeskAccounts accounts = NothingConfigured.service().context().getBean(DeskAccounts.class);
        String agent = "no-agora-" + System.nanoTime();
        accounts.create(agent, DeskAccountsForTests.PASSWORD, "agent");
        try {
            String conversation = NothingConfigured.api().chat("Please get me a real person").json()
                    .get("conversation_id").asString();
            DeskSession desk = new DeskSession(NothingConfigured.service().port());
            desk.signIn(agent, DeskAccountsForTests.PASSWORD);

            var page = desk.get("/desk/conversations/" + conversation);

            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("unavailable: this service has no Agora credentials")
                    .doesNotContain("id=\"view-screen\"");
        } finally {
            accounts.setEnabled(agent, false);
        }
    }
}
