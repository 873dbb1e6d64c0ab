package dev.supportassistant.desk;

import java.time.Instant;

/**
 * A reply the operators keep for the desk: inserted into the Reply box to be edited, never sent by
 * itself. Its text may hold {@value SavedReplies#CUSTOMER} and {@value SavedReplies#AGENT}, filled
 * in when it is inserted ({@link #filledIn}).
 */
public record SavedReply(String id, String title, String content, Instant updatedAt) {

    /**
     * The text with its placeholders filled in.
     *
     * @param customer how the desk names the conversation's customer
     * @param agent the name of the person inserting it
     */
    public String filledIn(String customer, String agent) {
        return content.replace(SavedReplies.CUSTOMER, customer).replace(SavedReplies.AGENT, agent);
    }
}
