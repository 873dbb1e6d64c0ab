package dev.supportassistant.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import dev.supportassistant.desk.SharedBrowser;
import dev.supportassistant.screenshots.ScreenDrawings;
import tools.jackson.databind.JsonNode;

/**
 * The customer's widget in a real browser ({@link OnTheCustomersSite}) with what it sends and plays
 * besides text: screenshots, a shared screen, speech both ways, and the marked screenshot beside a
 * reply that points at the screen.
 *
 * <p>Screens: headless Chromium cannot pick a screen to share, so the tests stand in for the
 * browser's picker: {@code navigator.mediaDevices.getDisplayMedia} on the host page answers with a
 * canvas's stream (a drawn screen with text on it); everything after it (the frame, the PNG, the
 * upload, the service's OCR) is the widget's and the service's own code.
 */
class WidgetMediaBrowserIT extends OnTheCustomersSite {

    @Test
    void aScreenshotIsAttachedToTheSameConversation() {
        openWidget();
        write("The export button does nothing");
        waitForReply(1);
        String conversation = conversation();
        pickerSharesAScreenShowing("EXPORT FAILED CODE 4021");

        button("Send screenshot").click();

        waitForNotice("Screenshot sent.");
        JsonNode messages = api.get("/api/v1/conversation/" + conversation).json().get("messages");
        JsonNode screenshot = messages.values().stream().filter(message -> message.get("metadata").has("screenshot"))
                .findFirst().orElseThrow().get("metadata").get("screenshot");
        assertThat(screenshot.get("width").asInt()).isEqualTo(800);
        assertThat(screenshot.get("ocr_text").asString()).contains("EXPORT FAILED").contains("4021");
        assertThat(conversation()).isEqualTo(conversation);
    }

    @Test
    void sharingTheScreenPublishesItOnTheConversationsChannelAndSendsCapturesToIt() {
        openWidget();
        write("The export button does nothing");
        waitForReply(1);
        String conversation = conversation();
        pickerSharesAScreenShowing("EXPORT FAILED CODE 4021");
        agoraStandsIn();

        button("Share screen").click();

        waitForNotice("You are sharing your screen.");
        waiting().until(driver -> agoraCalls().contains("publish video"));
        JsonNode started = waiting().until(driver -> messages(conversation).stream()
                .filter(message -> message.get("metadata").has("screen_share")
                        && message.get("metadata").get("screen_share").get("event").asString().equals("started"))
                .findFirst().orElse(null));
        String channel = started.get("metadata").get("screen_share").get("channel_name").asString();
        assertThat(agoraCalls()).contains("join 970CA35de60c44645bbae8a215061b33 " + channel + " 007");
        // The first capture goes at once; the next every 10 seconds.
        waiting().until(driver -> messages(conversation).stream()
                .anyMatch(message -> message.get("metadata").has("screenshot")));

        button("Stop sharing").click();
        waitForNotice("You stopped sharing your screen.");
        assertThat(agoraCalls()).endsWith("leave");
        assertThat(conversation()).isEqualTo(conversation);
    }

    @Test
    void speakPutsTheTranscriptInTheMessageBoxAndListenPlaysAReply() {
        openWidget();
        write("How do I reset my password?");
        waitForReply(1);
        microphoneSays(site.origin() + "/printer.wav");
        playedAudioIsRecorded();

        button("Speak").click();
        waiting().until(driver -> Boolean.TRUE.equals(browser.executeScript("return window.microphoneDone")));
        button("Stop recording").click();

        waiting().until(driver -> widget().findElement(By.cssSelector("textarea")).getDomProperty("value")
                .contains("printer"));
        assertThat(focused()).isEqualTo("Message");
        assertThat(messages(conversation())).hasSize(2);

        waitForReply(1).findElement(By.cssSelector(".actions button")).click();
        waiting().until(driver -> browser.executeScript("return window.played.length").equals(1L));
        assertThat((String) browser.executeScript("return window.played[0]")).startsWith("audio/");
    }

    /**
     * A checkout page with a payment error, shared in the conversation: the assistant's message
     * about it arrives live, pointing at the button to retry ({@code metadata.screen_guidance}), and
     * the widget shows the screenshot with the service's marks ({@code ?guidance=<message id>})
     * beside it, rather than drawing the boxes itself.
     */
    @Test
    void aReplyWithScreenGuidanceShowsTheMarkedScreenshotBesideIt() {
        openWidget();
        write("I'm trying to pay for my order");
        waitForReply(1);
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();

        var shared = api.upload("/api/v1/screenshots", "file", "screen.png", "image/png", checkout.png(),
                "conversation_id", conversation());

        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        WebElement notice = waiting().until(driver -> widget().findElements(By.cssSelector("li.assistant")).stream()
                .filter(item -> item.getText().contains("Error 502: Payment gateway timeout")).findFirst().orElse(null));
        WebElement image = waiting().until(driver -> notice.findElements(By.cssSelector("figure img")).stream()
                .filter(img -> ((Number) browser.executeScript("return arguments[0].naturalWidth", img))
                        .intValue() == checkout.image().getWidth()).findFirst().orElse(null));
        assertThat(image.getDomAttribute("alt")).isEqualTo("Where to look on your screen: Retry payment");
        assertThat(image.getDomProperty("src")).startsWith("blob:");
        assertThat(notice.findElement(By.cssSelector("figcaption")).getText()).isEqualTo("Retry payment");
        assertThat(notice.findElements(By.cssSelector("figure .box"))).as("the service marked it").isEmpty();
    }

    private void pickerSharesAScreenShowing(String text) {
        browser.executeScript("""
                const canvas = document.createElement('canvas');
                canvas.width = 800; canvas.height = 300;
                const draw = () => {
                  const context = canvas.getContext('2d');
                  context.fillStyle = '#ffffff'; context.fillRect(0, 0, 800, 300);
                  context.fillStyle = '#000000'; context.font = 'bold 48px sans-serif';
                  context.fillText(arguments[0], 40, 160);
                };
                draw();
                setInterval(draw, 100);
                navigator.mediaDevices.getDisplayMedia = () => Promise.resolve(canvas.captureStream(10));
                """, text);
    }

    /**
     * A microphone for the page: getUserMedia answers with a stream playing the sound at
     * {@code url} once; {@code window.microphoneDone} says when it has been said.
     */
    private void microphoneSays(String url) {
        browser.executeScript("""
                navigator.mediaDevices.getUserMedia = async () => {
                  const context = new AudioContext();
                  const sound = await context.decodeAudioData(await (await fetch(arguments[0])).arrayBuffer());
                  const source = context.createBufferSource();
                  const microphone = context.createMediaStreamDestination();
                  source.buffer = sound;
                  source.connect(microphone);
                  source.onended = () => { window.microphoneDone = true; };
                  source.start();
                  return microphone.stream;
                };
                """, url);
    }

    /** Audio the page plays is recorded in {@code window.played} (the type of what played), not heard. */
    private void playedAudioIsRecorded() {
        browser.executeScript("""
                window.played = [];
                window.Audio = class {
                  constructor(url) { this.url = url; }
                  async play() { window.played.push((await (await fetch(this.url)).blob()).type); }
                  pause() {}
                };
                """);
    }

    /**
     * Agora's Web SDK as the page sees it (window.AgoraRTC, which the widget uses when present),
     * recording what the widget asks of it: the tests stay off Agora's network.
     */
    private void agoraStandsIn() {
        browser.executeScript("""
                window.agoraCalls = [];
                const record = (...call) => window.agoraCalls.push(call.join(' '));
                window.AgoraRTC = {
                  setLogLevel() {},
                  createClient() {
                    return {
                      on() {},
                      join(app, channel, token, uid) { record('join', app, channel, token.slice(0, 3)); return Promise.resolve(uid); },
                      publish(track) { record('publish', track.kind); return Promise.resolve(); },
                      leave() { record('leave'); return Promise.resolve(); }
                    };
                  },
                  createCustomVideoTrack(config) { return { kind: config.mediaStreamTrack.kind }; }
                };
                """);
    }

    @SuppressWarnings("unchecked")
    private List<String> agoraCalls() {
        return (List<String>) browser.executeScript("return window.agoraCalls");
    }

    private List<JsonNode> messages(String conversation) {
        return api.get("/api/v1/conversation/" + conversation).json().get("messages").values().stream().toList();
    }
}
