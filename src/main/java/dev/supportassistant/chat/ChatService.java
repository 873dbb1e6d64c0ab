package dev.supportassistant.chat;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

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
 * confusion, store their message, look up help passages, let an agent answer (in one piece or
 * streamed), store the answer, and offer screen sharing when the customer seems confused or the
 * answer suggests it. The customer's message is stored before any provider is asked, so it
 * survives whatever the provider does. Also starts screen sharing when the customer accepts.
 */
@Service
class ChatService {

    private static final int PASSAGES_PER_TURN = 3;
    private static final int MAX_ERROR_CHARS = 500;

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
        agents.checkProvider(request.provider());
        Turn turn = begin(request);
        return finish(turn, agents.answer(turn.agentRequest(), request.provider()));
    }

    /**
     * Like {@link #chat}, with the answer's text passed to {@code onText} as the provider writes
     * it. The answer is stored once, complete or, when the stream was cut, with what arrived.
     */
    ChatResponse stream(ChatRequest request, Consumer<String> onText) {
        Turn turn = begin(request);
        return finish(turn, agents.stream(turn.agentRequest(), request.provider(), onText));
    }

    /** Refuses an unknown (422) or unconfigured (400) provider before anything is stored. */
    void checkProvider(String provider) {
        agents.checkProvider(provider);
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

    /** A customer's turn, stored, and what the agent gets to answer it. */
    private record Turn(Conversation conversation, ConfusionAssessment confusion, AgentRequest agentRequest) {
    }

    private Turn begin(ChatRequest request) {
        Conversation conversation = findOrStart(request);
        List<ChatMessage> history = store.messages(conversation.id());
        String text = request.message().strip();

        ConfusionAssessment confusion = confusionAnalyzer.assess(text, history.stream()
                .filter(message -> message.role() == Role.USER).map(ChatMessage::content).toList());
        store.append(conversation.id(), new ChatMessage(newId(), Role.USER, text, ConversationStore.now(),
                new MessageMetadata(null, null, confusion.level(), null, null, null, null, confusion.signals(), null,
                        null, null)));

        List<KnowledgePassage> passages = knowledgeBase.search(text, PASSAGES_PER_TURN);
        return new Turn(conversation, confusion, new AgentRequest(turns(history), text, confusion, passages));
    }

    private ChatResponse finish(Turn turn, AgentAnswer answer) {
        ConfusionAssessment confusion = turn.confusion();
        String conversationId = turn.conversation().id();
        ChatMessage reply = new ChatMessage(newId(), Role.ASSISTANT, answer.reply().content(), ConversationStore.now(),
                new MessageMetadata(answer.provider(), answer.reply().model(), confusion.level(), answer.reply().usage(),
                        answer.fallback(), oneLine(answer.error()), answer.latencyMs(), null,
                        sources(answer.reply().sources()), answer.incomplete() ? Boolean.TRUE : null, null));
        store.append(conversationId, reply);
        boolean offerScreenShare = confusion.confused() || ScreenSharePhrases.isIn(answer.reply().content());
        ChatResponse.ScreenShareOffer offer = offerScreenShare ? offerScreenShare(conversationId) : null;
        return new ChatResponse(reply, conversationId, offerScreenShare, confusion.level(), offer);
    }

    /** Names the conversation's channel, and records the offer in its history. */
    private ChatResponse.ScreenShareOffer offerScreenShare(String conversationId) {
        String channelName = screenShare.channelFor(conversationId);
        store.append(conversationId, systemMessage("Screen sharing offered on channel " + channelName + ".",
                ScreenShareEvent.offered(channelName)));
        return new ChatResponse.ScreenShareOffer(channelName);
    }

    /** Fits the stored column and keeps to one line. */
    private static String oneLine(String error) {
        if (error == null) {
            return null;
        }
        String line = error.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    private Conversation findOrStart(ChatRequest request) {
        String id = request.conversationId();
        return (id == null || id.isBlank() ? java.util.Optional.<Conversation>empty() : store.find(id.strip()))
                .orElseGet(() -> store.create(request.userId()));
    }

    private static ChatMessage systemMessage(String content, ScreenShareEvent event) {
        return new ChatMessage(newId(), Role.SYSTEM, content, ConversationStore.now(),
                new MessageMetadata(null, null, null, null, null, null, null, null, null, null, event));
    }

    /**
     * The dialogue for the agent. System messages record events such as screen sharing; they are
     * not part of the dialogue, and not every provider accepts a system turn in the middle of one.
     */
    private static List<ConversationTurn> turns(List<ChatMessage> history) {
        return history.stream().filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new ConversationTurn(message.role(), message.content())).toList();
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
