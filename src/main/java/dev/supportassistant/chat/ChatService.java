package dev.supportassistant.chat;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import dev.supportassistant.agent.AgentAnswer;
import dev.supportassistant.agent.AgentDispatcher;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.TokenUsage;
import dev.supportassistant.confusion.ConfusionAnalyzer;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.ChatMessage.Role;
import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.ConversationLimits;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.routing.ProviderRouting;
import dev.supportassistant.routing.RouteDecision;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.RequestLimits;

/**
 * One customer turn, top to bottom: find or start the conversation, score the customer's
 * confusion, store their message, look up help passages, let an agent answer (shown the customer's
 * latest screenshot, see {@link ScreenImages}) in one piece or streamed, store the answer, and
 * offer screen sharing when the customer seems confused or the answer suggests it
 * ({@link ScreenShareOffers}). The customer's message is stored before any provider is asked, so
 * it survives whatever the provider does. A turn reads only the conversation's latest messages
 * ({@code HISTORY_CONTEXT_MESSAGES}), and a conversation full at {@code MAX_MESSAGES_PER_CONVERSATION}
 * takes no more. Who may continue which conversation: see {@link Conversations#visible}. How long a
 * turn takes to be ready for its answer tells {@link OverloadDetector} whether the service keeps up.
 */
@Service
class ChatService {

    private static final int PASSAGES_PER_TURN = 3;
    private static final int MAX_ERROR_CHARS = 500;

    private final Conversations conversations;
    private final ConfusionAnalyzer confusionAnalyzer;
    private final KnowledgeBase knowledgeBase;
    private final AgentDispatcher agents;
    private final ScreenShareOffers screenShareOffers;
    private final RequestLimits limits;
    private final ConversationLimits conversationLimits;
    private final ChatMetrics metrics;
    private final ProviderRouting routing;
    private final HumanHandoff handoff;
    private final ScreenImages screenImages;
    private final OverloadDetector overload;

    ChatService(Conversations conversations, ConfusionAnalyzer confusionAnalyzer, KnowledgeBase knowledgeBase,
            AgentDispatcher agents, ScreenShareOffers screenShareOffers, RequestLimits limits,
            ConversationLimits conversationLimits, ChatMetrics metrics, ProviderRouting routing,
            ObjectProvider<HumanHandoff> handoff, ObjectProvider<ScreenImages> screenImages, OverloadDetector overload) {
        this.conversations = conversations;
        this.confusionAnalyzer = confusionAnalyzer;
        this.knowledgeBase = knowledgeBase;
        this.agents = agents;
        this.screenShareOffers = screenShareOffers;
        this.limits = limits;
        this.conversationLimits = conversationLimits;
        this.metrics = metrics;
        this.routing = routing;
        this.handoff = handoff.getIfAvailable(() -> HumanHandoff.NONE);
        this.screenImages = screenImages.getIfAvailable(() -> ScreenImages.NONE);
        this.overload = overload;
    }

    ChatResponse chat(ChatRequest request, Caller caller) {
        check(request, caller);
        return metrics.timed(ChatMetrics.Mode.CHAT, () -> {
            Turn turn = overload.timed(() -> begin(request, caller));
            return heldForHuman(turn)
                    .orElseGet(() -> finish(turn, agents.answer(turn.agentRequest(), turn.route().provider())));
        });
    }

    /**
     * Like {@link #chat}, with the answer's text passed to {@code onText} as the provider writes
     * it. The answer is stored once, complete or, when the stream was cut, with what arrived.
     */
    ChatResponse stream(ChatRequest request, Caller caller, Consumer<String> onText) {
        return metrics.timed(ChatMetrics.Mode.STREAM, () -> {
            Turn turn = overload.timed(() -> begin(request, caller));
            return heldForHuman(turn)
                    .orElseGet(() -> finish(turn, agents.stream(turn.agentRequest(), turn.route().provider(), onText)));
        });
    }

    /**
     * Refuses, before anything is stored, a message over {@code MAX_MESSAGE_CHARS} (422), a
     * provider chosen by anyone but an operator (403), an unknown (422) or unconfigured (400)
     * provider, and a message to a conversation at {@code MAX_MESSAGES_PER_CONVERSATION} (409).
     */
    void check(ChatRequest request, Caller caller) {
        if (request.provider() != null && !caller.admin()) {
            throw ChatRefusal.providerChoiceForbidden();
        }
        if (limits.messageTooLong(request.message())) {
            throw new InvalidChatRequestException("message: must be at most " + limits.maxMessageChars()
                    + " characters (MAX_MESSAGE_CHARS)");
        }
        agents.checkProvider(request.provider());
        find(request, caller).filter(conversation -> conversations.isFull(conversation.id())).ifPresent(full -> {
            throw ChatRefusal.conversationFull(conversationLimits.maxMessagesPerConversation());
        });
    }

    /** A customer's turn, stored, who answers it (see {@link ProviderRouting}) and what the agent gets to answer it. */
    private record Turn(Conversation conversation, ConfusionAssessment confusion, RouteDecision route,
            AgentRequest agentRequest) {
    }

    private Turn begin(ChatRequest request, Caller caller) {
        Optional<Conversation> existing = find(request, caller);
        Conversation conversation = existing.orElseGet(() -> Conversation.start(
                caller.authenticatedUser().orElse(request.userId()), caller.userId()));
        Conversations.Counts stored = existing.isPresent() ? conversations.counts(conversation.id())
                : Conversations.Counts.NONE;
        // The latest messages only: what is read for a turn stays bounded however long the conversation.
        List<ChatMessage> history = existing.isPresent() ? conversations.recentMessages(conversation.id()) : List.of();
        String text = request.message().strip();

        ConfusionAssessment confusion = confusionAnalyzer.assess(text, history.stream()
                .filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new ConfusionAnalyzer.Turn(message.role() == Role.USER, message.content())).toList());
        metrics.confusionScored(confusion.level());
        RouteDecision assigned = routing.assignment(conversation.id());
        ChatMessage message = ChatMessage.newMessage(text, MessageMetadata.CustomerMessage.scored(confusion.level(),
                confusion.signals(), assigned.experiment(), assigned.variant()));
        if (existing.isPresent()) {
            conversations.append(conversation.id(), message);
        } else {
            conversations.create(conversation, message);
        }

        List<KnowledgePassage> passages = knowledgeBase.search(text, PASSAGES_PER_TURN);
        RouteDecision route = routing.decide(RoutingInput.facts(conversation.id(), history,
                (int) stored.customerMessages() + 1, confusion, passages, text), request.provider());
        return new Turn(conversation, confusion, route, new AgentRequest(turns(history), text, confusion, passages)
                .answeredWith(route.model(), route.systemPrompt())
                .offeringScreenShare(screenShareOffers.available())
                .showing(existing.isPresent() ? screenImages.latest(conversation.id()).orElse(null) : null));
    }

    /**
     * Human handoff: while a person holds the conversation, or when this turn hands it to one, the
     * customer's stored message waits for them and the AI is not asked; the customer gets a holding reply.
     */
    private Optional<ChatResponse> heldForHuman(Turn turn) {
        return handoff.takeOver(turn.conversation().id(), turn.agentRequest().message(), turn.confusion())
                .map(reply -> new ChatResponse(reply, turn.conversation().id(), false, turn.confusion().level(), null));
    }

    private ChatResponse finish(Turn turn, AgentAnswer answer) {
        ConfusionAssessment confusion = turn.confusion();
        String conversationId = turn.conversation().id();
        ChatMessage reply = ChatMessage.newMessage(answer.reply().content(), metadata(answer, confusion, turn.route()));
        conversations.append(conversationId, reply);
        Optional<ChatResponse.ScreenShareOffer> offer = screenShareOffers.after(conversationId, confusion, answer.reply());
        return new ChatResponse(reply, conversationId, offer.isPresent(), confusion.level(), offer.orElse(null));
    }

    /** What is known about the answer: who wrote it and how, for which customer message, under which route. */
    private static MessageMetadata.AiAnswer metadata(AgentAnswer answer, ConfusionAssessment confusion,
            RouteDecision route) {
        TokenUsage usage = answer.reply().usage();
        MessageMetadata.AiAnswer metadata = MessageMetadata.AiAnswer.of(answer.provider(), answer.reply().model(),
                new MessageMetadata.TokenUsage(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(),
                        usage.estimated()),
                answer.latencyMs(), confusion.level(), sources(answer.reply().sources()))
                .routed(route.route(), route.experiment(), route.variant())
                .failed(answer.fallback(), oneLine(answer.error()));
        return answer.incomplete() ? metadata.cutOff() : metadata;
    }

    /** Fits the stored column and keeps to one line. */
    private static @Nullable String oneLine(@Nullable String error) {
        if (error == null) {
            return null;
        }
        String line = error.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_ERROR_CHARS ? line : line.substring(0, MAX_ERROR_CHARS - 1) + "…";
    }

    /**
     * The caller's conversation, when the request names one they may see; otherwise the turn starts a
     * new one, for the token's subject if there is a token, else for the body's user id.
     */
    private Optional<Conversation> find(ChatRequest request, Caller caller) {
        String id = request.conversationId();
        return id == null || id.isBlank() ? Optional.empty() : conversations.visible(id.strip(), caller);
    }

    /**
     * The dialogue for the agent. System messages record events such as screen sharing; they are
     * not part of the dialogue, and not every provider accepts a system turn in the middle of one.
     */
    private static List<ConversationTurn> turns(List<ChatMessage> history) {
        return history.stream().filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new ConversationTurn(message.role() == Role.USER ? ConversationTurn.Role.USER
                        : ConversationTurn.Role.ASSISTANT, message.content()))
                .toList();
    }

    private static List<MessageMetadata.Source> sources(List<KnowledgePassage> passages) {
        return passages.stream()
                .map(passage -> new MessageMetadata.Source(passage.articleTitle() + " — " + passage.sectionTitle(),
                        passage.chunkId()))
                .toList();
    }
}
