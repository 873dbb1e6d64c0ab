package dev.supportassistant.desk;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.handoff.HandoffViews;
import dev.supportassistant.handoff.SupportDesk;

/**
 * A conversation in the desk's queue as a card: the customer's first message in their own words,
 * how long they have waited, how confused they seem and why, and the handoff summary with who
 * wrote it (a model, or the service from the conversation itself), and whether it came outside
 * desk hours (the AI answers it until someone claims it).
 */
record QueueCard(String conversationId, String customer, String firstMessage, @Nullable Instant requestedAt,
        String waited, @Nullable String cause, @Nullable String confusion, List<String> signals, @Nullable String summary,
        boolean summaryByAi, @Nullable String claimedBy, boolean afterHours) {

    static QueueCard of(HandoffViews.QueueEntry entry) {
        return new QueueCard(entry.conversationId(), customer(entry.customer()),
                entry.customer().firstMessage() == null ? "(no message)" : entry.customer().firstMessage(),
                entry.requestedAt(), waited(entry.waitingSeconds()),
                entry.cause() == null ? null : entry.cause().wireName().replace('_', ' '),
                entry.confusionLevel() == null ? null : "%.2f".formatted(entry.confusionLevel()),
                entry.confusionSignals() == null ? List.of() : entry.confusionSignals(),
                SupportDesk.summaryText(entry.summary()), SupportDesk.writtenByAi(entry.summary()), entry.claimedBy(),
                entry.afterHours());
    }

    /** Who the customer is: a verified user id, a claimed one (marked so), or nobody known. */
    static String customer(HandoffViews.Customer customer) {
        if (customer.userId() == null) {
            return "Anonymous customer";
        }
        return customer.userIdVerified() ? customer.userId() : customer.userId() + " (unverified)";
    }

    /** "2 min", "1 h 5 min", "40 s": how long, at a glance. */
    static String waited(long seconds) {
        if (seconds < 60) {
            return Math.max(0, seconds) + " s";
        }
        long minutes = seconds / 60;
        return minutes < 60 ? minutes + " min" : minutes / 60 + " h " + minutes % 60 + " min";
    }
}
