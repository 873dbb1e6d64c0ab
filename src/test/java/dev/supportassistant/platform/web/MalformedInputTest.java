package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import tools.jackson.databind.JsonNode;

/**
 * Hostile and broken requests against every endpoint: each gets a 4xx whose body says what is
 * wrong in {@code detail}, never a 5xx, and the service keeps serving. Injection strings are data:
 * stored and echoed verbatim, never interpreted.
 */
class MalformedInputTest extends ApiTest {

    private static final String INJECTION = "'; DROP TABLE messages; -- <script>alert(1)</script> ${jndi:ldap://x} {{7*7}}";

    /** A request expected to be refused with a 4xx. */
    record Bad(String name, String method, String path, String body, String contentType, boolean admin) {

        static Bad json(String name, String method, String path, String body) {
            return new Bad(name, method, path, body, "application/json", false);
        }

        Bad asAdmin() {
            return new Bad(name, method, path, body, contentType, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badRequests() {
        List<Bad> bad = new ArrayList<>();
        String chat = "/api/v1/chat";
        // Wrong JSON types and shapes
        for (String body : new String[] {"{\"message\": 42}", "{\"message\": true}", "{\"message\": [\"a\"]}",
                "{\"message\": {\"text\": \"hi\"}}", "{\"message\": null}", "{\"message\": \"hi\", \"conversation_id\": 7}",
                "{\"message\": \"hi\", \"conversation_id\": {}}", "{\"message\": \"hi\", \"user_id\": []}",
                "{\"message\": \"hi\", \"provider\": 3}", "[]", "\"just a string\"", "42", "null", "{}"}) {
            bad.add(Bad.json("chat " + body, "POST", chat, body));
            bad.add(Bad.json("stream " + body, "POST", chat + "/stream", body));
        }
        // Truncated, empty and broken documents
        for (String body : new String[] {"{", "{\"message\": \"hi\"", "{\"message\": \"hi", "", " ", "{message: hi}",
                "{'message': 'hi'}", "{\"message\": \"hi\",}", "{\"message\": \"\\u12\"}"}) {
            bad.add(Bad.json("chat broken " + body, "POST", chat, body));
        }
        // Blank and oversized values
        bad.add(Bad.json("blank message", "POST", chat, "{\"message\": \"\\t\\n \"}"));
        bad.add(Bad.json("message over MAX_MESSAGE_CHARS", "POST", chat, "{\"message\": \"" + "x".repeat(4001) + "\"}"));
        bad.add(Bad.json("conversation id of 10k chars", "POST", chat,
                "{\"message\": \"hi\", \"conversation_id\": \"" + "c".repeat(10_000) + "\"}"));
        bad.add(Bad.json("unknown provider", "POST", chat, "{\"message\": \"hi\", \"provider\": \"" + INJECTION + "\"}"));
        // Wrong content types and methods
        bad.add(new Bad("chat as text/plain", "POST", chat, "{\"message\": \"hi\"}", "text/plain", false));
        bad.add(new Bad("chat as form", "POST", chat, "message=hi", "application/x-www-form-urlencoded", false));
        bad.add(new Bad("chat as xml", "POST", chat, "<message>hi</message>", "application/xml", false));
        bad.add(new Bad("chat without content type", "POST", chat, "{\"message\": \"hi\"}", null, false));
        bad.add(Bad.json("GET chat", "GET", chat, null));
        bad.add(Bad.json("PUT chat", "PUT", chat, "{\"message\": \"hi\"}"));
        bad.add(Bad.json("DELETE health", "DELETE", "/api/v1/health", null));
        bad.add(Bad.json("POST conversation", "POST", "/api/v1/conversation/abc", "{}"));
        // Bad ids and paths
        bad.add(Bad.json("unknown conversation", "GET", "/api/v1/conversation/00000000-0000-0000-0000-000000000000", null));
        bad.add(Bad.json("not a uuid", "GET", "/api/v1/conversation/not-a-uuid", null));
        bad.add(Bad.json("injection in path", "GET", "/api/v1/conversation/%27%3B%20DROP%20TABLE%20messages%3B--", null));
        bad.add(Bad.json("delete unknown conversation", "DELETE", "/api/v1/conversation/nope", null));
        bad.add(Bad.json("screen share of unknown conversation", "POST", "/api/v1/conversation/nope/screen-share", null));
        bad.add(Bad.json("unknown endpoint", "GET", "/api/v1/nothing-here", null));
        // Agent switch
        bad.add(Bad.json("switch without provider", "POST", "/api/v1/agent/switch", null).asAdmin());
        bad.add(Bad.json("switch to injection", "POST", "/api/v1/agent/switch?provider=%27%3BDROP", null).asAdmin());
        bad.add(Bad.json("switch to blank", "POST", "/api/v1/agent/switch?provider=", null).asAdmin());
        // Agora token: out-of-range numbers, wrong types, nulls
        String token = "/api/v1/agora/token";
        for (String body : new String[] {"{\"channel_name\": \"c\", \"uid\": 4294967296}", "{\"channel_name\": \"c\", \"uid\": -1}",
                "{\"channel_name\": \"c\", \"uid\": 1e40}", "{\"channel_name\": \"c\", \"uid\": \"abc\"}",
                "{\"channel_name\": \"c\", \"role\": 99}", "{\"channel_name\": null}", "{\"channel_name\": 5}",
                "{\"channel_name\": \"" + "c".repeat(100) + "\"}", "{\"channel_name\": \"bad/chan\"}", "[1]", "{"}) {
            bad.add(Bad.json("token " + body, "POST", token, body));
        }
        // Documents (operator endpoint, with the key); the title is optional, as in the original backend
        for (String body : new String[] {"{\"title\": null, \"content\": null}", "{\"title\": 1, \"content\": 2}",
                "{\"title\": \"t\"}", "{\"title\": \"" + "t".repeat(600) + "\", \"content\": \"c\"}",
                "not json"}) {
            bad.add(Bad.json("document " + body, "POST", "/api/v1/docs", body).asAdmin());
        }
        bad.add(Bad.json("delete unknown document", "DELETE", "/api/v1/docs/nope", null).asAdmin());
        // Listing conversations
        bad.add(Bad.json("list without user", "GET", "/api/v1/conversations", null).asAdmin());
        bad.add(Bad.json("list with page -1", "GET", "/api/v1/conversations?user_id=u&page=-1", null).asAdmin());
        bad.add(Bad.json("list with size 1000", "GET", "/api/v1/conversations?user_id=u&size=1000", null).asAdmin());
        bad.add(Bad.json("list with size text", "GET", "/api/v1/conversations?user_id=u&size=ten", null).asAdmin());
        return bad.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badRequestIsRefusedWithA4xxAndADetail(Bad request) {
        ApiClient client = request.admin() ? api.asAdmin() : api;
        byte[] body = request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8);

        var response = client.sendBytes(request.method(), request.path(), body, request.contentType());

        assertThat(response.status()).as(response.body()).isBetween(400, 499);
        assertThat(response.json().get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void thereAreAtLeastSixtyOfThem() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void invalidUtf8IsRefused() {
        byte[] body = {'{', '"', 'm', 'e', 's', 's', 'a', 'g', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};

        var response = api.sendBytes("POST", "/api/v1/chat", body, "application/json");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void injectionStringsAreStoredAndReturnedVerbatim() {
        String body = "{\"message\": " + ApiClient.quote(INJECTION) + ", \"user_id\": " + ApiClient.quote(INJECTION) + "}";
        JsonNode response = api.post("/api/v1/chat", body).json();

        JsonNode conversation = api.get("/api/v1/conversation/" + response.get("conversation_id").asString()).json();

        assertThat(conversation.get("messages").get(0).get("content").asString()).isEqualTo(INJECTION);
        assertThat(conversation.get("user_id").asString()).isEqualTo(INJECTION);
    }

    @Test
    void aBadQueryParameterIsNamedAsTheClientSpellsIt() {
        var response = api.asAdmin().get("/api/v1/conversations?user_id=");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).startsWith("user_id: ");
    }

    @Test
    void aLastEventIdThatIsNoEventIdIsRefused() {
        String conversationId = api.post("/api/v1/chat", "{\"message\": \"Hello\"}").json().get("conversation_id")
                .asString();

        for (String bad : new String[] {"abc", "99999999999999999999999"}) {
            var response = api.get("/api/v1/conversation/" + conversationId + "/events?last_event_id=" + bad);

            assertThat(response.status()).as(bad).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).as(bad).contains("last_event_id");
        }
    }

    @Test
    void aPathNoEndpointServesIsSaidSo() {
        var response = api.get("/api/v1/conversation/");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("No endpoint answers GET /api/v1/conversation/");
    }

    @Test
    void unknownFieldsAreIgnoredAsTheOldBackendDid() {
        var response = api.post("/api/v1/chat", "{\"message\": \"hi\", \"unexpected\": {\"deep\": [1, 2]}}");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void aBodyNotSentAsJsonIsToldToBeSentAsJson() {
        for (String contentType : new String[] {null, "text/plain"}) {
            var response = api.sendBytes("POST", "/api/v1/chat", "{\"message\": \"hi\"}".getBytes(StandardCharsets.UTF_8),
                    contentType);

            assertThat(response.status()).as(contentType).isEqualTo(415);
            assertThat(response.json().get("detail").asString()).as(contentType)
                    .startsWith("Send the body as JSON, with the header Content-Type: application/json");
        }
    }

    @Test
    void aFieldOfTheWrongJsonTypeIsToldWhatItExpects() {
        var number = api.post("/api/v1/chat", "{\"message\": 123}");
        var list = api.post("/api/v1/chat", "{\"message\": \"hi\", \"user_id\": [\"a\"]}");

        assertThat(number.status()).isEqualTo(422);
        assertThat(number.json().get("detail").asString()).isEqualTo("message: expected text, found a number");
        assertThat(list.status()).isEqualTo(422);
        assertThat(list.json().get("detail").asString()).isEqualTo("user_id: expected text, found a list");
    }

    @Test
    void aMisspeltFieldIsNamedWhenTheRequestIsRefused() {
        var response = api.post("/api/v1/chat", "{\"msg\": \"hi\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).isEqualTo("message: must not be blank; the body's "
                + "\"msg\" is not a field here (the fields are message, conversation_id, user_id, provider)");
    }

    @Test
    void anUploadWithoutABodyIsA400TheFrontendReads() {
        for (String path : new String[] {"/api/v1/screenshots", "/api/v1/transcribe"}) {
            var response = api.sendBytes("POST", path, null, null);

            assertThat(response.status()).as(path).isEqualTo(400);
            JsonNode body = response.json();
            assertThat(body.get("success").asBoolean()).as(path).isFalse();
            assertThat(body.get("error").asString()).as(path).isEqualTo(body.get("detail").asString())
                    .isEqualTo("file: no file was sent; send it as multipart/form-data in the field 'file'");
        }
    }

    @Test
    void anUploadNotSentAsMultipartIsToldHowToSendIt() {
        var response = api.sendBytes("POST", "/api/v1/screenshots", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, "image/png");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("success").asBoolean()).isFalse();
        assertThat(response.json().get("error").asString())
                .isEqualTo("Send the file as multipart/form-data in the field 'file' (this request's Content-Type "
                        + "was image/png)");
    }

    @Test
    void theServiceKeepsServingAfterwards() {
        badRequests().limit(20).map(arguments -> (Bad) arguments.get()[0])
                .forEach(request -> api.sendBytes(request.method(), request.path(),
                        request.body() == null ? null : request.body().getBytes(StandardCharsets.UTF_8),
                        request.contentType()));

        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").status()).isEqualTo(200);
    }
}
