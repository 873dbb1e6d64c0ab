package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.Scrape;

/**
 * What {@code /actuator/prometheus} shows about customers' turns answered by the local agent:
 * turn durations by mode, confusion scores and screen-sharing offers. The local agent calls no
 * model, so its tokens are in the stored reply and the statistics, not in the providers' meters.
 */
class ChatMetricsTest extends ApiTest {

    private static final String CONFUSED = "I'm so confused and frustrated, nothing works and I don't understand why "
            + "the app keeps failing, I have tried everything";
    private static final String SOMEWHAT_STUCK = "I followed the steps but the export still does not work";

    @Test
    void aChatIsTimedAndItsConfusionRecorded() {
        Scrape before = Scrape.of(api);

        var response = api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}");

        assertThat(response.status()).isEqualTo(200);
        Scrape after = Scrape.of(api);
        Map<String, String> chat = Map.of("mode", "chat", "outcome", "success");
        assertThat(after.value("support_chat_duration_seconds_count", chat)
                - before.value("support_chat_duration_seconds_count", chat)).isEqualTo(1);
        assertThat(after.value("support_confusion_score_count", Map.of())
                - before.value("support_confusion_score_count", Map.of())).isEqualTo(1);
    }

    @Test
    void aStreamedChatIsTimedAsAStream() {
        Map<String, String> stream = Map.of("mode", "stream", "outcome", "success");
        double before = Scrape.of(api).value("support_chat_duration_seconds_count", stream);

        var response = api.post("/api/v1/chat/stream", "{\"message\": \"How do I reset my password?\"}");

        assertThat(response.body()).contains("event:done");
        assertThat(Scrape.of(api).value("support_chat_duration_seconds_count", stream) - before).isEqualTo(1);
    }

    @Test
    void theScrapeCountsAMessagesScoreInEveryBucketAtOrAboveIt() {
        Scrape before = Scrape.of(api);

        double score = api.post("/api/v1/chat", "{\"message\": \"" + SOMEWHAT_STUCK + "\"}").json()
                .get("confidence_score").asDouble();

        // A score strictly inside (0, 0.9] tells the tenths apart; 0 or 1 would land alike in any bucketing.
        assertThat(score).as("score of the example message").isGreaterThan(0.0).isLessThanOrEqualTo(0.9);
        Scrape after = Scrape.of(api);
        for (double le : ChatMetrics.CONFUSION_BUCKETS) {
            Map<String, String> bucket = Map.of("le", Double.toString(le));
            assertThat(after.value("support_confusion_score_bucket", bucket)
                    - before.value("support_confusion_score_bucket", bucket)).as("le=%s with score %s", le, score)
                    .isEqualTo(score <= le ? 1 : 0);
        }
    }

    @Test
    void aConfusedCustomerScoresHighAndIsOfferedScreenSharing() {
        Map<String, String> aboveSixTenths = Map.of("le", "0.6");
        Scrape before = Scrape.of(api);

        var response = api.post("/api/v1/chat", "{\"message\": \"" + CONFUSED + "\"}");

        assertThat(response.json().get("should_request_screen_share").asBoolean()).isTrue();
        Scrape after = Scrape.of(api);
        assertThat(after.value("support_screen_share_suggested_total", Map.of("reason", "confusion"))
                - before.value("support_screen_share_suggested_total", Map.of("reason", "confusion"))).isEqualTo(1);
        // The score lands above 0.6: the count of scores up to 0.6 stays, the total grows.
        assertThat(after.value("support_confusion_score_bucket", aboveSixTenths))
                .isEqualTo(before.value("support_confusion_score_bucket", aboveSixTenths));
        assertThat(after.value("support_confusion_score_count", Map.of())
                - before.value("support_confusion_score_count", Map.of())).isEqualTo(1);
    }
}
