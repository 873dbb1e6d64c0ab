package dev.supportassistant.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.platform.Caller;
import dev.supportassistant.platform.RateLimited;
import dev.supportassistant.platform.RequestIds;
import dev.supportassistant.screenshare.ScreenShareSession;

/**
 * The customer's chat: send a message (answered whole or streamed), read a conversation back,
 * start screen sharing in it.
 */
@RestController
@RequestMapping("/api/v1")
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);
    /** Only a backstop: the dispatcher's timeouts end every stream long before. */
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(10);

    private final ChatService chatService;
    private final SimpleAsyncTaskExecutor streams = new SimpleAsyncTaskExecutor("chat-stream-");

    ChatController(ChatService chatService) {
        this.chatService = chatService;
        streams.setVirtualThreads(Runtime.version().feature() >= 21);
        streams.setTaskDecorator(RequestIds.carriedOver());
    }

    @PostMapping("/chat")
    @RateLimited(RateLimited.Limit.CHAT)
    ChatResponse chat(@Valid @RequestBody ChatRequest request, Caller caller) {
        return chatService.chat(request, caller);
    }

    /**
     * Server-sent events: {@code token} events with {@code {"text": ...}} as the provider writes,
     * then one {@code done} event with the same object {@code POST /chat} answers. A bad provider
     * name is refused with a problem detail before the stream starts.
     */
    @PostMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RateLimited(RateLimited.Limit.CHAT)
    SseEmitter stream(@Valid @RequestBody ChatRequest request, Caller caller) {
        chatService.check(request);
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        streams.execute(() -> {
            try {
                ChatResponse response = chatService.stream(request, caller,
                        text -> send(emitter, "token", Map.of("text", text)));
                send(emitter, "done", response);
                emitter.complete();
            } catch (UncheckedIOException clientGone) {
                emitter.complete();
            } catch (RuntimeException failure) {
                log.error("Streamed chat failed", failure);
                try {
                    send(emitter, "error", Map.of("detail", "Internal server error"));
                    emitter.complete();
                } catch (UncheckedIOException clientGone) {
                    emitter.complete();
                }
            }
        });
        return emitter;
    }

    @GetMapping("/conversation/{conversationId}")
    ConversationView conversation(@PathVariable String conversationId, Caller caller) {
        return chatService.conversation(conversationId, caller);
    }

    /** Erases a conversation and its messages: its owner (or, for one started without a token, its holder) or an operator. */
    @DeleteMapping("/conversation/{conversationId}")
    ResponseEntity<Void> delete(@PathVariable String conversationId, Caller caller) {
        chatService.delete(conversationId, caller);
        return ResponseEntity.noContent().build();
    }

    /** A user's conversations, newest activity first: for that customer (their token) or an operator. */
    @GetMapping("/conversations")
    ConversationPage conversations(@RequestParam("user_id") @NotBlank String userId,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, Caller caller) {
        return chatService.list(userId, page, size, caller);
    }

    /** The customer accepted screen sharing: tokens for them and a support agent, one call. */
    @PostMapping("/conversation/{conversationId}/screen-share")
    @RateLimited(RateLimited.Limit.TOKEN)
    ScreenShareSession screenShare(@PathVariable String conversationId, Caller caller) {
        return chatService.startScreenShare(conversationId, caller);
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            throw new UncheckedIOException(gone instanceof IOException io ? io : new IOException(gone));
        }
    }
}
