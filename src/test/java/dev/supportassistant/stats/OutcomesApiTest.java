package dev.supportassistant.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;

/**
 * {@code GET /api/v1/stats/outcomes} on a seeded history ({@link OutcomesFixture}, outside the
 * window of every other test's conversations): what became of each conversation, per day, the
 * median time to the first human reply and the ratings, AI-only and human; and its refusals.
 */
class OutcomesApiTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aSeededHistoryAddsUpToItsOutcomes() {
        OutcomesFixture.store(jdbc);

        var response = api.asAdmin().get(OutcomesFixture.QUERY);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        OutcomesFixture.assertReport(response.json());
    }

    @Test
    void aWindowOutsideOneToNinetyDaysIsRefusedWithADetail() {
        for (String days : new String[] {"0", "91", "seven"}) {
            var response = api.asAdmin().get("/api/v1/stats/outcomes?days=" + days);
            assertThat(response.status()).as(days).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).contains("days");
        }
    }

    @Test
    void outcomesAreForOperatorsOnly() {
        assertThat(api.get("/api/v1/stats/outcomes").status()).isEqualTo(401);
    }
}
