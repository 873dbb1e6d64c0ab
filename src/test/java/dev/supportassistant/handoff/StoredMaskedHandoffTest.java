package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;
import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.PrivacySettings;

/**
 * {@code PII_STORE_MASKED=true} for handoffs: the customer's reason and the note written from their
 * words are kept masked. A store set so, on the shared service's database.
 */
class StoredMaskedHandoffTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    @Test
    void theReasonAndTheNoteAreKeptMasked() {
        String conversation = api.chat("Hello").json().get("conversation_id").asString();
        HandoffStore masked = new HandoffStore(jdbc, new PersonalData(new PrivacySettings(true, true, "US")));
        Handoff handoff = masked.load(conversation);

        handoff.escalate(HandoffCause.CUSTOMER_REQUEST, "call me at (415) 555-2671",
                "Problem: “card 4111 1111 1111 1111 declined, mail jane.doe@example.com”", "customer", Instant.now());
        masked.save(handoff);

        HandoffState stored = masked.find(conversation).orElseThrow();
        assertThat(stored.reason()).isEqualTo("call me at [PHONE]");
        assertThat(stored.summary()).isEqualTo("Problem: “card •••• 1111 declined, mail [EMAIL]”");
    }
}
