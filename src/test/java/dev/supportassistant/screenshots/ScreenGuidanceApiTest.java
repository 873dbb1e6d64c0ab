package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EventStreamClient;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.platform.database.GroupCommit;
import dev.supportassistant.screenshots.guidance.AnnotatedScreenshot;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Screen guidance wired into the service, on screens drawn in the test and read by the bundled OCR:
 * a shared checkout page with a payment error gets one message about it, a question of where to
 * click gets an answer that points at the button, drawn on the screenshot on request; a capture that
 * shows nothing new costs no OCR and no message; an error is spoken about once per conversation,
 * whichever instance reads it next.
 */
class ScreenGuidanceApiTest extends ApiTest {

    /** How far OCR's box may be from the ink's, in pixels. */
    private static final int NEAR = 3;

    @Autowired
    private MeterRegistry meters;
    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private Conversations conversations;
    @Autowired
    private GroupCommit commits;
    @Autowired
    private ScreenshotStore store;
    @Autowired
    private ScreenshotSettings settings;
    @Autowired
    private ScreenWatch watch;
    @Autowired
    private PersonalDataOnScreen personalDataOnScreen;
    @Autowired
    private dev.supportassistant.privacy.PersonalData personalData;

    private ApiClient customer() {
        return api.withBearer(CustomerTokensForTests.tokenFor("alice"));
    }

    private String conversation() {
        return customer().chat(ChatRequest.message("I'm trying to pay for my order")).json()
                .get("conversation_id").asString();
    }

    private JsonNode share(String conversation, byte[] png) {
        var response = customer().upload("/api/v1/screenshots", "file", "screen.png", "image/png", png,
                "conversation_id", conversation);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private List<JsonNode> messages(String conversation) {
        List<JsonNode> messages = new ArrayList<>();
        customer().get("/api/v1/conversation/" + conversation).json().get("messages").forEach(messages::add);
        return messages;
    }

    private List<JsonNode> notices(String conversation) {
        return messages(conversation).stream().filter(message -> message.get("metadata").has("screen_error"))
                .toList();
    }

    private double captures(String ocr) {
        return meters.get("support.screenshots.captures").tag("ocr", ocr).counter().count();
    }

    private static void assertOn(JsonNode box, Rectangle drawn) {
        assertThat(box.get("x").asInt()).isCloseTo(drawn.x, org.assertj.core.api.Assertions.within(NEAR));
        assertThat(box.get("y").asInt()).isCloseTo(drawn.y, org.assertj.core.api.Assertions.within(NEAR));
        assertThat(box.get("x").asInt() + box.get("width").asInt())
                .isCloseTo(drawn.x + drawn.width, org.assertj.core.api.Assertions.within(NEAR));
        assertThat(box.get("y").asInt() + box.get("height").asInt())
                .isCloseTo(drawn.y + drawn.height, org.assertj.core.api.Assertions.within(NEAR));
    }

    @Test
    void aCustomerSharingAPaymentErrorIsToldAboutItAndShownWhereToClickToTryAgain() throws IOException {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        String conversation = conversation();

        JsonNode shared = share(conversation, checkout.png());

        // Without typing: one message about the error, pointing at the button to retry.
        List<JsonNode> notices = notices(conversation);
        assertThat(notices).hasSize(1);
        JsonNode notice = notices.get(0);
        assertThat(notice.get("role").asString()).isEqualTo("assistant");
        assertThat(notice.get("content").asString()).startsWith("I can see 'Error 502: Payment gateway timeout' on "
                + "your screen");
        assertThat(notice.get("metadata").get("screen_guidance")).singleElement()
                .satisfies(step -> assertThat(step.get("label").asString()).isEqualTo("Retry payment"));

        var answer = customer().chat(ChatRequest.message("where do I click to try again?").in(conversation));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode reply = answer.json().get("message");
        assertThat(reply.get("content").asString()).contains("\"Retry payment\"");
        JsonNode guidance = reply.get("metadata").get("screen_guidance");
        assertThat(guidance).hasSize(1);
        JsonNode step = guidance.get(0);
        assertThat(step.get("label").asString()).isEqualTo("Retry payment");
        assertOn(step.get("box"), checkout.box("Retry payment"));
        String url = shared.get("url").asString();
        assertThat(step.get("screenshot_url").asString()).isEqualTo(url);
        assertThat(url).endsWith("/" + step.get("screenshot_id").asString() + ".png");
        // Stored with the answer: the history shows the same.
        assertThat(messages(conversation)).filteredOn(message -> message.get("id").equals(reply.get("id")))
                .singleElement().satisfies(stored -> assertThat(stored.get("metadata").get("screen_guidance"))
                        .isEqualTo(guidance));

        // The annotated screenshot: the outline a few pixels outside the button's label, the label untouched.
        var marked = customer().binary("GET", url + "?guidance=" + reply.get("id").asString(), null);
        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.header("Content-Type")).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(marked.body()));
        JsonNode box = step.get("box");
        int x = box.get("x").asInt();
        int y = box.get("y").asInt();
        int right = x + box.get("width").asInt();
        int bottom = y + box.get("height").asInt();
        int pad = 7; // a 3-pixel outline, 7 pixels outside the label on a 1280 x 720 screen
        int mark = AnnotatedScreenshot.MARK.getRGB();
        assertThat(image.getRGB(x - pad, (y + bottom) / 2)).isEqualTo(mark);
        assertThat(image.getRGB(right + pad, (y + bottom) / 2)).isEqualTo(mark);
        assertThat(image.getRGB((x + right) / 2, y - pad)).isEqualTo(mark);
        assertThat(image.getRGB((x + right) / 2, bottom + pad)).isEqualTo(mark);
        assertThat(image.getRGB((x + right) / 2, (y + bottom) / 2))
                .isEqualTo(checkout.image().getRGB((x + right) / 2, (y + bottom) / 2));
    }

    @Test
    void aStreamedAnswerPointsAtTheScreenToo() {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        String conversation = conversation();
        share(conversation, checkout.png());

        var streamed = customer().chatStream(ChatRequest.message("Which button cancels my order?").in(conversation));

        assertThat(streamed.status()).isEqualTo(200);
        JsonNode answer = messages(conversation).stream()
                .filter(message -> message.get("metadata").has("provider")).reduce((first, last) -> last).orElseThrow();
        assertThat(answer.get("metadata").get("screen_guidance")).singleElement().satisfies(step -> {
            assertThat(step.get("label").asString()).isEqualTo("Cancel order");
            assertOn(step.get("box"), checkout.box("Cancel order"));
        });
    }

    @Test
    void aCaptureThatShowsNothingNewCostsNoOcrAndNoMessage() {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        String conversation = conversation();
        JsonNode first = share(conversation, checkout.png());
        int stored = messages(conversation).size();
        double read = captures("read");
        double unchanged = captures("unchanged");

        // The same page a few seconds later: the clock in the corner moved on.
        BufferedImage later = ScreenDrawings.copy(checkout.image());
        Graphics2D g = later.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(1230, 700, 30, 12);
        g.dispose();
        JsonNode second = share(conversation, ScreenDrawings.png(later));

        assertThat(second.get("unchanged").asBoolean()).isTrue();
        assertThat(first.get("unchanged").asBoolean()).isFalse();
        assertThat(captures("read")).isEqualTo(read);
        assertThat(captures("unchanged")).isEqualTo(unchanged + 1);
        assertThat(messages(conversation)).hasSize(stored);
        // It is the latest capture now, read as the previous one was.
        assertThat(second.get("ocr_text").asString()).isEqualTo(first.get("ocr_text").asString());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screenshots WHERE conversation_id = :id").param("id", conversation)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theMessageAboutANewErrorArrivesOnTheLiveStream() {
        String conversation = conversation();
        try (EventStreamClient events = EventStreamClient.open(port(), "/api/v1/conversation/" + conversation
                + "/events", "Authorization", "Bearer " + CustomerTokensForTests.tokenFor("alice"))) {
            assertThat(events.next().comment()).isEqualTo("connected");

            share(conversation, ScreenDrawings.checkout().png());

            JsonNode notice = events.nextMatching(event -> "message".equals(event.type())
                    && event.json().get("message").get("metadata").has("screen_error")).json().get("message");
            assertThat(notice.get("role").asString()).isEqualTo("assistant");
            assertThat(notice.get("metadata").get("screen_error").asString())
                    .isEqualTo("Error 502: Payment gateway timeout");
        }
    }

    @Test
    void anErrorIsSpokenAboutOncePerConversationEvenByAnotherInstance() {
        String conversation = conversation();
        share(conversation, ScreenDrawings.checkout().png());
        assertThat(notices(conversation)).hasSize(1);

        // The same error on a larger screen, read afresh: nothing new to say.
        JsonNode larger = share(conversation, ScreenDrawings.checkout(1.5, true, "Retry payment").png());
        assertThat(larger.get("unchanged").asBoolean()).isFalse();
        assertThat(notices(conversation)).hasSize(1);

        // Another instance (or this one after a restart) knows it from the database alone.
        ScreenWatch another = new ScreenWatch(jdbc, conversations, commits);
        ScreenshotStore.Latest latest = store.latestIn(conversation, java.time.Instant.EPOCH).orElseThrow();
        assertThat(another.look(conversation, latest.name(), "/uploads/" + latest.name() + ".png", latest.screen()))
                .isEmpty();
        assertThat(notices(conversation)).hasSize(1);

        // A different error is new.
        share(conversation, dialog("Error 0x80070005: Access is denied", "Try again"));
        List<JsonNode> notices = notices(conversation);
        assertThat(notices).hasSize(2);
        assertThat(notices.get(1).get("content").asString())
                .startsWith("I can see 'Error 0x80070005: Access is denied' on your screen");
        assertThat(notices.get(1).get("metadata").get("screen_guidance")).singleElement()
                .satisfies(step -> assertThat(step.get("label").asString()).isEqualTo("Try again"));
    }

    @Test
    void withoutScreenWatchingAnErrorGetsNoMessage() {
        ScreenshotSettings off = new ScreenshotSettings(settings.retentionDays(), settings.maxPixels(),
                settings.ocrThreads(), false, settings.engineWaitSeconds(), false, settings.guidanceMinutes());
        ScreenshotService service = new ScreenshotService(store, conversations, off, watch, meters,
                personalDataOnScreen, personalData);
        String conversation = conversation();

        service.share(ScreenDrawings.checkout().png(), conversation,
                new dev.supportassistant.platform.security.Caller("alice", false, null));

        assertThat(notices(conversation)).isEmpty();
        assertThat(messages(conversation)).last().satisfies(note -> assertThat(note.get("role").asString())
                .isEqualTo("system"));
    }

    @Test
    void aScreenshotOlderThanTheGuidanceWindowIsNotPointedAt() {
        String conversation = conversation();
        share(conversation, ScreenDrawings.checkout().png());
        // Shared longer ago than SCREEN_GUIDANCE_MINUTES: the customer's screen has likely moved on.
        jdbc.sql("UPDATE screenshots SET created_at = :then WHERE conversation_id = :id")
                .param("then", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                        .minusMinutes(settings.guidanceMinutes() + 1))
                .param("id", conversation).update();

        JsonNode reply = customer().chat(ChatRequest.message("where do I click to try again?").in(conversation)).json()
                .get("message");

        assertThat(reply.get("metadata").has("screen_guidance")).isFalse();
        assertThat(reply.get("content").asString()).doesNotContain("On your screen");
    }

    @Test
    void whileAPersonHoldsTheConversationTheAssistantDoesNotSpeakUp() {
        String conversation = conversation();
        // As the handoff module stores a conversation an agent claimed.
        jdbc.sql("""
                INSERT INTO handoffs (conversation_id, status, cause, claimed_by, status_changed_at)
                VALUES (:id, 'with_human', 'customer_request', 'sam', CURRENT_TIMESTAMP)
                """).param("id", conversation).update();

        share(conversation, ScreenDrawings.checkout().png());

        assertThat(notices(conversation)).isEmpty();
    }

    @Test
    void guidanceIsDrawnOnlyForAMessageOfTheScreenshotsConversationThatPointsAtIt() {
        String conversation = conversation();
        String url = share(conversation, ScreenDrawings.checkout().png()).get("url").asString();
        String other = conversation();
        String otherAnswer = messages(other).get(1).get("id").asString();
        String plainAnswer = messages(conversation).get(1).get("id").asString();

        var foreign = customer().get(url + "?guidance=" + otherAnswer);
        var pointless = customer().get(url + "?guidance=" + plainAnswer);
        var blank = customer().get(url + "?guidance=");
        var stranger = api.withBearer(CustomerTokensForTests.tokenFor("mallory"))
                .get(url + "?guidance=" + notices(conversation).get(0).get("id").asString());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("detail").asString()).contains("no message with this id");
        assertThat(pointless.status()).isEqualTo(422);
        assertThat(pointless.json().get("detail").asString()).contains("no screen guidance");
        assertThat(blank.status()).isEqualTo(422);
        assertThat(stranger.status()).isEqualTo(404);
    }

    /** A dialog on a grey screen: an error line, and a button under it. */
    private static byte[] dialog(String error, String button) {
        BufferedImage image = new BufferedImage(1024, 640, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(new Color(0xE5E7EB));
        g.fillRect(0, 0, 1024, 640);
        g.setColor(Color.WHITE);
        g.fillRect(212, 200, 600, 220);
        g.setColor(new Color(0x111827));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(error, 240, 260);
        g.setColor(new Color(0x1D4ED8));
        g.fillRoundRect(240, 320, 140, 44, 8, 8);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(button, 264, 348);
        g.dispose();
        return ScreenDrawings.png(image);
    }
}
