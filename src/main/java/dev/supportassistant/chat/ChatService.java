package dev.supportassistant.chat;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;

import dev.supportassistant.agent.AgentAnswer;
import dev.supportassistant.agent.AgentDispatcher;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.ConversationTurn.Role;
import dev.supportassistant.confusion.ConfusionAnalyzer;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.screenshare.ScreenShareSession;
import dev.supportassistant.screenshare.ScreenShareSessions;

/**
 * One customer turn, top to bottom: find or start the conversation, score the customer's
 * confusion, store their message, look up help passages, let an agent answer, store the answer,
 * and offer screen sharing when the customer seems confused. Also starts screen sharing when the
 * customer accepts.
 */
@Service
class ChatService {

    private static final int PASSAGES_PER_TURN = 3;

    private final ConversationStore store;
    private final ConfusionAnalyzer confusionAnalyzer;
    private final KnowledgeBase knowledgeBase;
    private final AgentDispatcher agents;
    private final ScreenShareSessions screenShare;

    ChatService(ConversationStore store, ConfusionAnalyzer confusionAnalyzer, KnowledgeBase knowledgeBase,
            AgentDispatcher agents, ScreenShareSessions screenShare) {
        this.store = store;
        this.confusionAnalyzer = confusionAnalyzer;
        this.knowledgeBase = knowledgeBase;
        this.agents = agents;
        this.screenShare = screenShare;
    }

    ChatResponse chat(ChatRequest request) {
        Conversation conversation = findOrStart(request);
        List<ChatMessage> history = store.messages(conversation.id());
        String text = request.message().strip();

        ConfusionAssessment confusion = confusionAnalyzer.assess(text, history.stream()
                .filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new ConfusionAnalyzer.Turn(message.role() == Role.USER, message.content())).toList());
        store.append(conversation.id(), new ChatMessage(newId(), Role.USER, text, ConversationStore.now(),
                new MessageMetadata(null, null, confusion.level(), null, null, null, null, confusion.signals(), null,
                        null)));

        List<KnowledgePassage> passages = knowledgeBase.search(text, PASSAGES_PER_TURN);
        AgentAnswer answer = agents.answer(new AgentRequest(turns(history), text, confusion, passages));
        ChatMessage reply = new ChatMessage(newId(), Role.ASSISTANT, answer.reply().content(), ConversationStore.now(),
                new MessageMetadata(answer.provider(), answer.reply().model(), confusion.level(), answer.reply().usage(),
                        answer.fallback(), answer.error(), answer.latencyMs(), null, sources(answer.reply().sources()),
                        null));
        store.append(conversation.id(), reply);
        ChatResponse.ScreenShareOffer offer = null;
        if (confusion.confused()) {
            String channelName = screenShare.channelFor(conversation.id());
            store.append(conversation.id(), systemMessage("Screen sharing offered on channel " + channelName + ".",
                    ScreenShareEvent.offered(channelName)));
            offer = new ChatResponse.ScreenShareOffer(channelName);
        }
        return new ChatResponse(reply, conversation.id(), confusion.confused(), confusion.level(), offer);
    }

    /**
     * Starts screen sharing in a conversation: the customer's publisher token and an agent's
     * subscriber token for the conversation's channel, recorded in its history (without the tokens).
     */
    ScreenShareSession startScreenShare(String conversationId) {
        Conversation conversation = store.find(conversationId).orElseThrow(ConversationNotFoundException::new);
        ScreenShareSession session = screenShare.start(conversation.id());
        store.append(conversation.id(), systemMessage("Screen sharing started on channel " + session.channelName()
                + ": customer uid " + session.customer().uid() + " (publisher), support agent uid "
                + session.agent().uid() + " (subscriber), tokens valid until " + session.expiresAt() + ".",
                ScreenShareEvent.started(session)));
        return session;
    }

    ConversationView conversation(String id) {
        Conversation conversation = store.find(id).orElseThrow(ConversationNotFoundException::new);
        return new ConversationView(conversation.id(), conversation.userId(), store.messages(id),
                conversation.createdAt(), conversation.updatedAt());
    }

    private Conversation findOrStart(ChatRequest request) {
        String id = request.conversationId();
        return (id == null || id.isBlank() ? java.util.Optional.<Conversation>empty() : store.find(id.strip()))
                .orElseGet(() -> store.create(request.userId()));
    }

    private static ChatMessage systemMessage(String content, ScreenShareEvent event) {
        return new ChatMessage(newId(), Role.SYSTEM, content, ConversationStore.now(),
                new MessageMetadata(null, null, null, null, null, null, null, null, null, event));
    }

    private static List<ConversationTurn> turns(List<ChatMessage> history) {
        // System messages record events such as screen sharing for the history; they are not part of
        // the dialogue, and not every provider accepts a system turn in the middle of one.
        return history.stream().filter(message -> message.role() != Role.SYSTEM).map(message -> new ConversationTurn(message.role(), message.content())).toList();
    }

    private static List<MessageMetadata.Source> sources(List<KnowledgePassage> passages) {
        return passages.stream()
                .map(passage -> new MessageMetadata.Source(passage.articleTitle() + " — " + passage.sectionTitle(),
                        passage.chunkId()))
                .toList();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
