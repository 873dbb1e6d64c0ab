package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.EventStreamClient;

/**
 * A desk page's live stream starts where the page was read: what happens after the server read the
 * page and before the browser opened its stream (a slow network, a busy machine) is replayed to it,
 * so the page's live part is fetched again, rather than lost until the next event.
 */
class DeskStreamsTest extends ApiTest {

    private static final Pattern STREAM = Pattern.compile("data-stream=\"([^\"]+)\"");

    @Test
    void aRequestMadeWhileTheQueueLoadedReachesItsStream() {
        DeskSession desk = new DeskSession(port());
        desk.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);
        String stream = stream(desk.get("/desk").body());
        assertThat(stream).matches("/desk/events\\?after=\\d+");

        String conversation = api.chat(ChatRequest.message("I want to talk to a human about my refund for order 5521"))
                .json().get("conversation_id").asString();

        try (EventStreamClient events = EventStreamClient.open(port(), stream, "Cookie", desk.cookieHeader())) {
            assertThat(events.status()).isEqualTo(200);
            events.nextMatching(event -> "status".equals(event.type()) && event.data().contains(conversation));
        }
    }

    @Test
    void aConversationPageStreamsFromWhereItWasRead() {
        DeskSession desk = new DeskSession(port());
        desk.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);
        String conversation = api.chat(ChatRequest.message("My export keeps failing"))
                .json().get("conversation_id").asString();
        String stream = stream(desk.get("/desk/conversations/" + conversation).body());
        assertThat(stream).matches("/desk/conversations/" + conversation + "/events\\?after=\\d+");

        api.chat(ChatRequest.message("It says error 504 each time").in(conversation));

        try (EventStreamClient events = EventStreamClient.open(port(), stream, "Cookie", desk.cookieHeader())) {
            events.nextMatching(event -> "message".equals(event.type()) && event.data().contains("error 504"));
        }
    }

    private static String stream(String page) {
        Matcher stream = STREAM.matcher(page);
        assertThat(stream.find()).as("the page has a live stream").isTrue();
        return stream.group(1).replace("&amp;", "&");
    }
}
