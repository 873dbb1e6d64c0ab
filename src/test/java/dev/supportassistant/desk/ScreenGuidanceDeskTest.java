package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.screenshots.ScreenDrawings;
import tools.jackson.databind.JsonNode;

/** The desk shows, beside a reply that points at the customer's screen, the screenshot with the places marked. */
class ScreenGuidanceDeskTest extends ApiTest {

    @Test
    void aReplyThatPointsAtTheScreenIsShownWithTheMarkedScreenshotBesideIt() {
        String conversation = api.chat("The checkout page shows an error").json().get("conversation_id").asString();
        var shared = api.upload("/api/v1/screenshots", "file", "screen.png", "image/png",
                ScreenDrawings.checkout().png(), "conversation_id", conversation);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        String name = shared.json().get("url").asString().replace("/uploads/", "");
        JsonNode messages = api.get("/api/v1/conversation/" + conversation).json().get("messages");
        JsonNode notice = messages.get(messages.size() - 1);
        assertThat(notice.get("metadata").has("screen_guidance")).isTrue();
        assertThat(api.post("/api/v1/conversation/" + conversation + "/handoff", "{}").status()).isEqualTo(200);
        DeskSession agent = new DeskSession(port());
        agent.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);

        String page = agent.get("/desk/conversations/" + conversation).body();

        String marked = "/desk/screenshots/" + name + "?guidance=" + notice.get("id").asString();
        assertThat(page).contains("<img src=\"" + marked + "\"")
                .contains("Where this reply points on the customer&#39;s screen");
        var image = agent.get(marked);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(agent.get("/desk/screenshots/" + name + "?guidance=" + messages.get(1).get("id").asString())
                .statusCode()).isEqualTo(404);
    }
}
