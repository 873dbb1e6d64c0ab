package dev.supportassistant;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.json.JsonMapper;

/**
 * A request to {@code POST /api/v1/chat} (or its stream) as a client sends it, for
 * {@link ApiClient#chat} and {@link ApiClient#chatStream}: {@code ChatRequest.message("Hi")
 * .in(conversationId).from("ada").via("openai")}. Each part is written as the JSON the API reads;
 * an absent part is left out. Tests about the request's own form (malformed JSON, wrong types,
 * control characters) build their bodies by hand.
 */
public record ChatRequest(String message, @Nullable String conversationId, @Nullable String userId,
        @Nullable String provider) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A customer's message, to start a conversation. */
    public static ChatRequest message(String text) {
        return new ChatRequest(text, null, null, null);
    }

    /** In this conversation ({@code conversation_id}); null starts a new one. */
    public ChatRequest in(@Nullable String id) {
        return new ChatRequest(message, id, userId, provider);
    }

    /** From this user ({@code user_id}). */
    public ChatRequest from(String id) {
        return new ChatRequest(message, conversationId, id, provider);
    }

    /** Answered by this provider ({@code provider}; operators only). */
    public ChatRequest via(String name) {
        return new ChatRequest(message, conversationId, userId, name);
    }

    /** The request's body. */
    public String json() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversation_id", conversationId);
        }
        if (userId != null) {
            body.put("user_id", userId);
        }
        if (provider != null) {
            body.put("provider", provider);
        }
        return JSON.writeValueAsString(body);
    }
}
