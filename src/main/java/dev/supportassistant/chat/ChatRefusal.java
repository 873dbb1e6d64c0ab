package dev.supportassistant.chat;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A customer turn the service will not take, with the status and the detail that say why. */
final class ChatRefusal extends ErrorResponseException {

    private ChatRefusal(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 403: choosing the provider of one message overrides the operator's choice, routing and experiments. */
    static ChatRefusal providerChoiceForbidden() {
        return new ChatRefusal(HttpStatus.FORBIDDEN, "provider: only operators (ADMIN_API_KEY) may choose the "
                + "provider of a message; leave it out to be answered by the service's choice");
    }

    /** 409: the conversation holds {@code MAX_MESSAGES_PER_CONVERSATION} messages. */
    static ChatRefusal conversationFull(int max) {
        return new ChatRefusal(HttpStatus.CONFLICT, "This conversation has reached its limit of " + max
                + " messages (MAX_MESSAGES_PER_CONVERSATION); start a new conversation (conversation_id null)");
    }

    /** 503: {@code MAX_CONCURRENT_CHATS} chats are being answered already. */
    static ChatRefusal tooManyChats() {
        ChatRefusal busy = new ChatRefusal(HttpStatus.SERVICE_UNAVAILABLE,
                "The service is answering as many chats as it can at once; try again in a moment");
        busy.getHeaders().set("Retry-After", "2");
        return busy;
    }

    /** 503: turns have been queueing for the service's own work ({@link OverloadDetector}). */
    static ChatRefusal overloaded() {
        ChatRefusal busy = new ChatRefusal(HttpStatus.SERVICE_UNAVAILABLE,
                "The service has more messages than it can answer promptly; try again in a moment");
        busy.getHeaders().set("Retry-After", "1");
        return busy;
    }
}
