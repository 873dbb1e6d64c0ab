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

/**
 * One customer turn, top to bottom: find or start the conversation, score the customer's
 * confusion, store their message, look up help passages, let an agent answer, store the answer.
 */
@Service
class ChatService {

    private static final int PASSAGES_PER_TURN = 3;

    private final ConversationStore store;
    private final ConfusionAnalyzer confusionAnalyzer;
    private final KnowledgeBase knowledgeBase;
    private final AgentDispatcher agents;

    ChatService(ConversationStore store, ConfusionAnalyzer confusionAnalyzer, KnowledgeBase knowledgeBase,
            AgentDispatcher agents) {
        this.store = store;
        this.confusionAnalyzer = confusionAnalyzer;
        this.knowledgeBase = knowledgeBase;
        this.agents = agents;
    }

    ChatResponse chat(ChatRequest request) {
        Conversation conversation = findOrStart(request);
        List<ChatMessage> history = store.messages(conversation.id());
        String text = request.message().strip();

        ConfusionAssessment confusion = confusionAnalyzer.assess(text, history.stream()
                .filter(message -> message.role() == Role.USER).map(ChatMessage::content).toList());
        store.append(conversation.id(), new ChatMessage(newId(), Role.USER, text, ConversationStore.now(),
                new MessageMetadata(null, null, confusion.level(), null, null, null, null, confusion.signals(), null)));

        List<KnowledgePassage> passages = knowledgeBase.search(text, PASSAGES_PER_TURN);
        AgentAnswer answer = agents.answer(new AgentRequest(turns(history), text, confusion, passages));
        ChatMessage reply = new ChatMessage(newId(), Role.ASSISTANT, answer.reply().content(), ConversationStore.now(),
                new MessageMetadata(answer.provider(), answer.reply().model(), confusion.level(), answer.reply().usage(),
                        answer.fallback(), answer.error(), answer.latencyMs(), null, sources(answer.reply().sources())));
        store.append(conversation.id(), reply);
        return new ChatResponse(reply, conversation.id(), confusion.confused(), confusion.level());
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

    private static List<ConversationTurn> turns(List<ChatMessage> history) {
        return history.stream().map(message -> new ConversationTurn(message.role(), message.content())).toList();
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
