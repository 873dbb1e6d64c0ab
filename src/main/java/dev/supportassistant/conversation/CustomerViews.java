package dev.supportassistant.conversation;

import java.util.List;

/**
 * What a customer is shown of messages: everything but the service's internals, which stay for
 * operators (admin key) and the support desk. Left out: the routing rule, experiment and variant
 * that answered (a customer who sees them can steer or skew them), the providers' failure
 * summaries (replaced by one plain line, so a reply that failed over still says something went
 * wrong), and the notes staff leave when handing a conversation back or resolving it.
 */
public final class CustomerViews {

    /** Stands in for the failure summary on a reply that had a problem. */
    public static final String FAILURE = "The AI provider had a problem with this answer";

    private CustomerViews() {
    }

    public static ChatMessage message(ChatMessage message) {
        MessageMetadata meta = message.metadata();
        if (meta == null) {
            return message;
        }
        MessageMetadata.Handoff handoff = meta.handoff();
        if (handoff != null && handoff.reason() != null && handoff.bySupportStaff()) {
            handoff = new MessageMetadata.Handoff(handoff.status(), handoff.previousStatus(), handoff.cause(), null,
                    handoff.by());
        }
        MessageMetadata shown = meta.withFallback(meta.fallback(), meta.error() == null ? null : FAILURE)
                .routed(null, null, null).withHandoff(handoff);
        return new ChatMessage(message.id(), message.role(), message.content(), message.timestamp(), shown);
    }

    public static List<ChatMessage> messages(List<ChatMessage> messages) {
        return messages.stream().map(CustomerViews::message).toList();
    }
}
