package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;
import dev.supportassistant.TwoInstancesOnPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Screen watching with two instances on one PostgreSQL: the same error captured on both at once is
 * spoken about once (the claim's primary key decides), the next capture of it on either instance is
 * not new, and either instance draws a reply's guidance.
 */
@ExtendWith(TwoInstancesOnPostgres.class)
class ScreenWatchOnPostgresIT {

    private static ApiClient.Response share(RunningService service, String conversation, byte[] png) {
        return service.api().upload("/api/v1/screenshots", "file", "screen.png", "image/png", png, "conversation_id",
                conversation);
    }

    private static List<JsonNode> notices(RunningService service, String conversation) {
        JsonNode messages = service.api().get("/api/v1/conversation/" + conversation).json().get("messages");
        return StreamSupport.stream(messages.spliterator(), false)
                .filter(message -> message.get("metadata").has("screen_error")).toList();
    }

    @Test
    void anErrorCapturedOnBothInstancesAtOnceIsSpokenAboutOnce() {
        RunningService first = TwoInstancesOnPostgres.first();
        RunningService second = TwoInstancesOnPostgres.second();
        String conversation = first.api().chat("I'm trying to pay for my order").json().get("conversation_id")
                .asString();
        byte[] checkout = ScreenDrawings.checkout().png();

        var one = CompletableFuture.supplyAsync(() -> share(first, conversation, checkout));
        var other = CompletableFuture.supplyAsync(() -> share(second, conversation, checkout));

        assertThat(one.join().status()).as(one.join().body()).isEqualTo(200);
        assertThat(other.join().status()).as(other.join().body()).isEqualTo(200);
        List<JsonNode> notices = notices(first, conversation);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("content").asString())
                .startsWith("I can see 'Error 502: Payment gateway timeout' on your screen");

        // The same error on a larger screen, read afresh by either instance: nothing new.
        assertThat(share(second, conversation, ScreenDrawings.checkout(1.5, true, "Retry payment").png()).status())
                .isEqualTo(200);
        assertThat(notices(second, conversation)).hasSize(1);

        // Either instance draws the guidance of a message the other stored.
        JsonNode step = notices.get(0).get("metadata").get("screen_guidance").get(0);
        var marked = second.api().binary("GET", step.get("screenshot_url").asString() + "?guidance="
                + notices.get(0).get("id").asString(), null);
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.header("Content-Type")).isEqualTo("image/png");
    }
}
