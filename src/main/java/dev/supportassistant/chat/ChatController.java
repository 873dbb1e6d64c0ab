package dev.supportassistant.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.supportassistant.platform.ratelimit.RateLimited;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.RequestIds;

/**
 * The customer's chat: send a message, answered whole or streamed. At most
 * {@code MAX_CONCURRENT_CHATS} are answered at once ({@link ChatAdmission}).
 */
@RestController
@RequestMapping("/api/v1")
class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);
    /** Only a backstop: the dispatcher's timeouts end every stream long before. */
    private static final Duration STREAM_LIMIT = Duration.ofMinutes(10);

    private final ChatService chatService;
    private final ChatAdmission admission;
    private final SimpleAsyncTaskExecutor streams = new SimpleAsyncTaskExecutor("chat-stream-");

    ChatController(ChatService chatService, ChatAdmission admission) {
        this.chatService = chatService;
        this.admission = admission;
        streams.setVirtualThreads(Runtime.version().feature() >= 21);
        streams.setTaskDecorator(RequestIds.carriedOver());
    }

    @PostMapping("/chat")
    @RateLimited(RateLimited.Limit.CHAT)
    ChatResponse chat(@Valid @RequestBody ChatRequest request, Caller caller) {
        try (ChatAdmission.Place place = admission.enter()) {
            return shownTo(caller, chatService.chat(request, caller));
        }
    }

    /**
     * Server-sent events: {@code token} events with {@code {"text": ...}} as the provider writes,
     * then one {@code done} event with the same object {@code POST /chat} answers. A bad provider
     * name is refused with a problem detail before the stream starts.
     */
    @PostMapping(path = "/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @RateLimited(RateLimited.Limit.CHAT)
    SseEmitter stream(@Valid @RequestBody ChatRequest request, Caller caller) {
        ChatService.Prepared prepared = chatService.prepare(request, caller);
        ChatAdmission.Place place = admission.enter();
        SseEmitter emitter = new SseEmitter(STREAM_LIMIT.toMillis());
        try {
            streams.execute(() -> {
                try (place) {
                    ChatResponse response = chatService.stream(prepared,
                            text -> send(emitter, "token", Map.of("text", text)));
                    send(emitter, "done", shownTo(caller, response));
                    emitter.complete();
                } catch (UncheckedIOException clientGone) {
                    emitter.complete();
                } catch (RuntimeException failure) {
                    failed(emitter, failure);
                }
            });
        } catch (RuntimeException notStarted) {
            place.close();
            throw notStarted;
        }
        return emitter;
    }

    /** Operators see a reply's internals; customers do not ({@link ChatResponse#forCustomer}). */
    private static ChatResponse shownTo(Caller caller, ChatResponse response) {
        return caller.admin() ? response : response.forCustomer();
    }

    private static void failed(SseEmitter emitter, RuntimeException failure) {
        log.error("Streamed chat failed", failure);
        try {
            send(emitter, "error", Map.of("detail", "Internal server error"));
            emitter.complete();
        } catch (UncheckedIOException clientGone) {
            emitter.complete();
        }
    }

    private static void send(SseEmitter emitter, String event, Object data) {
        try {
            emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            throw new UncheckedIOException(gone instanceof IOException io ? io : new IOException(gone));
        }
    }
}
