package dev.supportassistant.conversation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request about a conversation the service will not serve, with the status and the detail that say why. */
public final class ConversationRefusal extends ErrorResponseException {

    private ConversationRefusal(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    /** 404 for a conversation id that names nothing stored, or nothing the caller may see: the same answer. */
    public static ConversationRefusal notFound() {
        return new ConversationRefusal(HttpStatus.NOT_FOUND, "Conversation not found");
    }

    /** 403 for listing someone's conversations without being them (their customer token) or an operator. */
    static ConversationRefusal listForbidden() {
        return new ConversationRefusal(HttpStatus.FORBIDDEN,
                "Listing a user's conversations needs that user's customer token or the admin API key");
    }

    /** 409 for something a conversation has reached the most of, such as notes. */
    static ConversationRefusal full(String detail) {
        return new ConversationRefusal(HttpStatus.CONFLICT, detail);
    }

    /** 422 for a parameter that does not fit the conversation, such as a message id that is not one of its. */
    static ConversationRefusal invalid(String detail) {
        return new ConversationRefusal(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }
}
