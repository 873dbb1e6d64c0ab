package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 31's "done when" for text: a conversation with a card number, an e-mail address, a phone
 * number, an IBAN and a password (and a social security number and an IP address, so that every
 * kind is in the log's turns) sends none of them to the provider, in one piece or streamed; the
 * customer sees the e-mail address and phone number restored and the card masked, across a stream's
 * pieces too; support staff see what the customer wrote; and no log line of those turns holds any
 * of the values.
 */
class PersonalDataToProvidersTest extends ProviderFakesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String MESSAGE = "My card 4111 1111 1111 1111 was charged twice. Write to jane.doe@example.com "
            + "or call (415) 555-2671, refund to DE89 3704 0044 0532 0130 00, and my password is hunter2. "
            + "My SSN is 123-45-6789 and my server is 203.0.113.45.";
    /** Each value as written, and as a provider or a log could spell it otherwise. */
    private static final List<String> VALUES = List.of("4111 1111 1111 1111", "4111111111111111", "1111 1111",
            "jane.doe@example.com", "jane.doe", "555-2671", "5552671", "DE89 3704 0044 0532 0130 00",
            "DE89370400440532013000", "hunter2", "123-45-6789", "203.0.113.45");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
    }

    @AfterEach
    void stopCapturing() {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    }

    @Test
    void noValueReachesTheProviderAndTheCustomerSeesTheirContactDetailsBackButNotTheCard() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(
                "Sorry about that. We will write to [EMAIL_1] and call [PHONE_1]; the refund for [CARD_1] goes to "
                        + "[IBAN_1]. Never share [SECRET_1] with anyone.", 120, 30)));

        var response = customer.chat(ChatRequest.message(MESSAGE));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        String sent = requestsTo("/v1/chat/completions");
        assertThat(sent).contains("[CARD_1]", "[EMAIL_1]", "[PHONE_1]", "[IBAN_1]", "[SECRET_1]", "[SSN_1]", "[IP_1]");
        assertThat(sent).doesNotContain(VALUES);
        assertThat(response.json().get("message").get("content").asString()).isEqualTo(
                "Sorry about that. We will write to jane.doe@example.com and call (415) 555-2671; the refund for "
                        + "•••• 1111 goes to DE89 3704 0044 0532 0130 00. Never share •••••• with anyone.");

        String conversation = response.json().get("conversation_id").asString();
        JsonNode desk = api.get("/api/v1/desk/conversations/" + conversation).json();
        assertThat(desk.toString()).contains(ApiQuoted.of(MESSAGE));
        assertThat(loggedText()).doesNotContain(VALUES);
    }

    @Test
    void aStreamedAnswerIsRestoredAcrossPiecesAndTheNextTurnKeepsThePlaceholders() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Noted.", 100, 2)));
        String conversation = customer.chat(ChatRequest.message(MESSAGE)).json().get("conversation_id").asString();
        OPENAI.resetRequests();
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(
                List.of("We wrote to [EMA", "IL_1", "] and will call [PHONE_", "1]. Card [CARD_1", "] is blocked. ["), 150, 20)));

        var streamed = customer.chatStream(ChatRequest.message("Did you write to jane.doe@example.com yet?")
                .in(conversation), "Accept", "text/event-stream");

        assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
        List<Event> events = events(streamed.body());
        String tokens = events.stream().filter(event -> "token".equals(event.name()))
                .map(event -> JSON.readTree(event.data()).get("text").asString()).collect(Collectors.joining());
        String expected = "We wrote to jane.doe@example.com and will call (415) 555-2671. Card •••• 1111 is blocked. [";
        assertThat(tokens).isEqualTo(expected);
        assertThat(JSON.readTree(events.get(events.size() - 1).data()).get("message").get("content").asString())
                .isEqualTo(expected);
        String sent = requestsTo("/v1/chat/completions");
        // The history and the new message: the same address is the same placeholder in both.
        assertThat(sent).contains("Did you write to [EMAIL_1] yet?").contains("Write to [EMAIL_1]");
        assertThat(sent).doesNotContain(VALUES);
        assertThat(loggedText()).doesNotContain(VALUES);
    }

    private static String requestsTo(String path) {
        return OPENAI.findAll(postRequestedFor(urlPathEqualTo(path))).stream()
                .map(request -> request.getBodyAsString()).collect(Collectors.joining("\n"));
    }

    /** Every captured line as written out, with its exception. */
    private String loggedText() {
        return log.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()))
                + event.getMDCPropertyMap()).collect(Collectors.joining("\n"));
    }

    /** How JSON writes a text inside a string. */
    private static final class ApiQuoted {
        static String of(String text) {
            String quoted = dev.supportassistant.ApiClient.quote(text);
            return quoted.substring(1, quoted.length() - 1);
        }
    }
}
