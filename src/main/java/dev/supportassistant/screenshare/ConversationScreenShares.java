package dev.supportassistant.screenshare;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.ConversationRefusal;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.ScreenShareEvent;
import dev.supportassistant.platform.security.Caller;

/**
 * Screen sharing started by a conversation's customer (its owner, or whoever holds an anonymous
 * conversation's id; to anyone else it does not exist): the customer's publisher token for the
 * conversation's channel, recorded in its history without the tokens (the support agent's token
 * comes from the desk).
 */
@Service
class ConversationScreenShares {

    private final ScreenShareSessions sessions;
    private final Conversations conversations;

    ConversationScreenShares(ScreenShareSessions sessions, Conversations conversations) {
        this.sessions = sessions;
        this.conversations = conversations;
    }

    CustomerScreenShare start(String conversationId, Caller caller) {
        Conversation conversation = conversations.visible(conversationId, caller)
                .orElseThrow(ConversationRefusal::notFound);
        ScreenShareSession session = sessions.start(conversation.id());
        conversations.recordScreenShareStarted(conversation.id(), ScreenShareEvent.started(session.channelName(),
                session.customer().uid(), session.agent().uid(), session.issuedAt(), session.expiresAt()));
        return session.forCustomer();
    }

    /** A fresh token for the customer's seat in the conversation's latest session; 404 when it has none. */
    CustomerScreenShare renew(String conversationId, Caller caller) {
        Conversation conversation = conversations.visible(conversationId, caller)
                .orElseThrow(ConversationRefusal::notFound);
        return sessions.renewForCustomer(conversation.id()).orElseThrow(NoSessionException::new);
    }

    /** 404 for renewing a screen-sharing token in a conversation where screen sharing never started. */
    static final class NoSessionException extends ErrorResponseException {

        NoSessionException() {
            super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "This conversation has "
                    + "no screen-sharing session; start one with POST /api/v1/conversation/{id}/screen-share"), null);
        }
    }
}
