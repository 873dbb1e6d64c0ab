package dev.supportassistant.chat;

import java.util.List;

import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.ScreenShareEvent;
import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.routing.ConversationStatus;
import dev.supportassistant.routing.TurnFacts;

/** What routing rules may ask about a turn, read from the conversation's stored history. */
final class RoutingInput {

    private RoutingInput() {
    }

    /**
     * @param history the conversation's latest messages before this turn ({@code HISTORY_CONTEXT_MESSAGES}),
     *     oldest first
     * @param turn the number of this customer message in the whole conversation, from 1
     * @param passages the knowledge base's passages for the message, best first
     */
    static TurnFacts facts(String conversationId, List<ChatMessage> history, int turn, ConfusionAssessment confusion,
            List<KnowledgePassage> passages, String text) {
        double knowledgeScore = passages.stream().mapToDouble(KnowledgePassage::relevance).max().orElse(0.0);
        return new TurnFacts(conversationId, confusion.level(), knowledgeScore, text.length(), turn, status(history));
    }

    /**
     * The latest screen-sharing step among the messages read decides: started beats an offer made
     * before it. A step older than the last {@code HISTORY_CONTEXT_MESSAGES} messages is not seen.
     */
    static ConversationStatus status(List<ChatMessage> history) {
        ConversationStatus status = ConversationStatus.OPEN;
        for (ChatMessage message : history) {
            ScreenShareEvent event = message.metadata() instanceof MessageMetadata.ScreenShareNote note
                    ? note.screenShare() : null;
            if (event != null && "started".equals(event.event())) {
                status = ConversationStatus.SCREEN_SHARING;
            } else if (event != null && "offered".equals(event.event()) && status != ConversationStatus.SCREEN_SHARING) {
                status = ConversationStatus.SCREEN_SHARE_OFFERED;
            }
        }
        return status;
    }
}
