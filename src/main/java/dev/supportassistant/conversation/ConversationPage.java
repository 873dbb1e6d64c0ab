package dev.supportassistant.conversation;

import java.util.List;

/** One page of a user's conversations, most recently active first. */
record ConversationPage(String userId, List<ConversationSummary> conversations, int page, int size, long total) {
}
