package dev.supportassistant.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.supportassistant.agent.AgentAnswer;
import dev.supportassistant.agent.AgentDispatcher;
import dev.supportassistant.agent.AgentRegistry;
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
import dev.supportassistant.conversation.TurnContext;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgeGaps;
import dev.supportassistant.language.CustomerLanguage;
import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.platform.web.RequestLimits;
import dev.supportassistant.routing.ProviderRouting;
import dev.supportassistant.routing.RouteDecision;

/**
 * One customer turn, top to bottom: read what the turn needs of the conversation it continues (one
 * read, {@link TurnContext}), score the customer's confusion, store their message, look up help
 * passages, let an agent answer (shown the customer's latest screenshot, see {@link ScreenImages})
 * in one piece or streamed, and store the answer, with the places on that screenshot it names
 * ({@code screen_guidance}) and the note of a screen-sharing offer when the
 * customer seems confused or the answer suggests it ({@link ScreenShareOffers}). The customer's
 * message is committed before any provider is asked, so it survives whatever the provider does; the
 * answer is the turn's second and last commit. What reacts to a turn (its metrics) hears of it once
 * the answer is committed ({@link TurnAnswered}).
 *
 * <p>A turn reads only the conversation's latest messages ({@code HISTORY_CONTEXT_MESSAGES}), and a
 * conversation full at {@code MAX_MESSAGES_PER_CONVERSATION} takes no more. Who may continue which
 * conversation: see {@link Conversations#forTurn}. How long a turn takes to be ready for its answer
 * tells {@link OverloadDetector} whether the service keeps up.
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
    private final ApplicationEventPublisher events;
    private final KnowledgeGaps gaps;
    private final CustomerLanguage languages;

    ChatService(Conversations conversations, ConfusionAnalyzer confusionAnalyzer, KnowledgeBase knowledgeBase,
            AgentDispatcher agents, ScreenShareOffers screenShareOffers, RequestLimits limits,
            ConversationLimits conversationLimits, ChatMetrics metrics, ProviderRouting routing,
            ObjectProvider<HumanHandoff> handoff, ObjectProvider<ScreenImages> screenImages, OverloadDetector overload,
            ApplicationEventPublisher events, KnowledgeGaps gaps, CustomerLanguage languages) {
        this.gaps = gaps;
        this.languages = languages;
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
        this.events = events;
    }

    /** A request that passed {@link #prepare}, with what its turn read of the conversation. */
    record Prepared(ChatRequest request, Caller caller, TurnContext context) {
    }

    ChatResponse chat(ChatRequest request, Caller caller) {
        Prepared prepared = prepare(request, caller);
        return metrics.timed(ChatMetrics.Mode.CHAT, () -> {
            Turn turn = overload.timed(() -> begin(prepared));
            return heldForHuman(turn)
                    .orElseGet(() -> finish(turn, agents.answer(turn.agentRequest(), turn.route().provider())));
        });
    }

    /**
     * Like {@link #chat}, with the answer's text passed to {@code onText} as the provider writes
     * it. The answer is stored once, complete or, when the stream was cut, with what arrived.
     */
    ChatResponse stream(Prepared prepared, Consumer<String> onText) {
        return metrics.timed(ChatMetrics.Mode.STREAM, () -> {
            Turn turn = overload.timed(() -> begin(prepared));
            return heldForHuman(turn)
                    .orElseGet(() -> finish(turn, agents.stream(turn.agentRequest(), turn.route().provider(), onText)));
        });
    }

    /**
     * Reads what the turn needs of the conversation it continues, and refuses, before anything is
     * stored, a message over {@code MAX_MESSAGE_CHARS} (422), a provider chosen by anyone but an
     * operator (403), an unknown (422) or unconfigured (400) provider, and a message to a
     * conversation at {@code MAX_MESSAGES_PER_CONVERSATION} (409).
     */
    Prepared prepare(ChatRequest request, Caller caller) {
        if (request.provider() != null && !caller.admin()) {
            throw ChatRefusal.providerChoiceForbidden();
        }
        if (limits.messageTooLong(request.message())) {
            throw new InvalidChatRequestException("message: must be at most " + limits.maxMessageChars()
                    + " characters (MAX_MESSAGE_CHARS)");
        }
        agents.checkProvider(request.provider());
        TurnContext context = continued(request, caller).orElseGet(() -> TurnContext.starting(Conversation.start(
                caller.authenticatedUser().orElse(request.userId()), caller.userId())));
        if (context.counts().messages() >= conversationLimits.maxMessagesPerConversation()) {
            throw ChatRefusal.conversationFull(conversationLimits.maxMessagesPerConversation());
        }
        return new Prepared(request, caller, context);
    }

    /**
     * A customer's turn: what it read, the customer's stored message, who answers it (see
     * {@link ProviderRouting}) and what the agent gets to answer it.
     */
    private record Turn(TurnContext context, ChatMessage message, ConfusionAssessment confusion, RouteDecision route,
            AgentRequest agentRequest) {

        String conversationId() {
            return context.conversation().id();
        }
    }

    private Turn begin(Prepared prepared) {
        TurnContext context = prepared.context();
        String conversationId = context.conversation().id();
        // The latest messages only: what is read for a turn stays bounded however long the conversation.
        List<ChatMessage> history = context.recent();
        String text = prepared.request().message().strip();
        // The message's embedding, for its confusion score, is computed while the turn tells its language.
        confusionAnalyzer.expect(text);
        Locale language = languages.of(text).orElse(null);

        ConfusionAssessment confusion = confusionAnalyzer.assess(text, history.stream()
                .filter(message -> message.role() != Role.SYSTEM)
                .map(message -> new ConfusionAnalyzer.Turn(message.role() == Role.USER, message.content())).toList());
        RouteDecision assigned = routing.assignment(conversationId);
        ChatMessage message = ChatMessage.newMessage(text, MessageMetadata.CustomerMessage.scored(confusion.level(),
                confusion.signals(), assigned.experiment(), assigned.variant()));
        if (context.continued()) {
            conversations.append(conversationId, message);
        } else {
            conversations.create(context.conversation(), message);
        }

        List<KnowledgePassage> passages = knowledgeBase.search(text, PASSAGES_PER_TURN);
        RouteDecision route = routing.decide(RoutingInput.facts(conversationId, history,
                (int) context.counts().customerMessages() + 1, confusion, passages, text),
                prepared.request().provider());
        return new Turn(context, message, confusion, route, new AgentRequest(turns(history), text, confusion, passages)
                .writtenIn(language)
                .answeredWith(route.model(), route.systemPrompt())
                .offeringScreenShare(screenShareOffers.available())
                .showing(context.screenshot() == null ? null : screenImages.image(context.screenshot()).orElse(null)));
    }

    /**
     * Human handoff: while a person holds the conversation, or when this turn hands it to one, the
     * customer's stored message waits for them and the AI is not asked; the customer gets a holding reply.
     */
    private Optional<ChatResponse> heldForHuman(Turn turn) {
        return handoff.takeOver(turn.context(), turn.message(), turn.confusion()).map(reply -> {
            events.publishEvent(new TurnAnswered(turn.conversationId(), turn.confusion().level(), null));
            return new ChatResponse(reply, turn.conversationId(), false, turn.confusion().level(), null);
        });
    }

    private ChatResponse finish(Turn turn, AgentAnswer answer) {
        ConfusionAssessment confusion = turn.confusion();
        String conversationId = turn.conversationId();
        TurnContext.ScreenshotReference screenshot = turn.context().screenshot();
        Locale language = turn.agentRequest().language();
        MessageMetadata.AiAnswer metadata = metadata(answer, confusion, turn.route())
                .inLanguage(language == null ? null : language.getLanguage());
        ChatMessage reply = ChatMessage.newMessage(answer.reply().content(), screenshot == null ? metadata
                : metadata.pointingAt(screenImages.pointedAt(answer.reply().content(), screenshot)));
        Optional<ScreenShareOffers.Offer> offer = screenShareOffers.after(conversationId, confusion, answer.reply());
        if (offer.isPresent()) {
            conversations.append(conversationId, reply, offer.get().note());
        } else {
            conversations.append(conversationId, reply);
        }
        events.publishEvent(new TurnAnswered(conversationId, confusion.level(),
                offer.map(ScreenShareOffers.Offer::reason).orElse(null)));
        if (unanswered(turn, answer)) {
            gaps.unanswered(conversationId, turn.agentRequest().message(), KnowledgeGaps.NO_ANSWER);
        }
        return new ChatResponse(reply, conversationId, offer.isPresent(), confusion.level(),
                offer.map(made -> new ChatResponse.ScreenShareOffer(made.channelName())).orElse(null));
    }

    /**
     * Whether the knowledge base left the question unanswered: the offline agent said it found nothing,
     * or a model was given no passage that answers it well enough.
     */
    private static boolean unanswered(Turn turn, AgentAnswer answer) {
        return answer.reply().nothingFound() || (!answer.provider().equals(AgentRegistry.LOCAL)
                && turn.agentRequest().passages().stream()
                        .noneMatch(passage -> passage.relevance() >= KnowledgeBase.CONFIDENT_RELEVANCE));
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
    private Optional<TurnContext> continued(ChatRequest request, Caller caller) {
        String id = request.conversationId();
        return id == null || id.isBlank() ? Optional.empty() : conversations.forTurn(id.strip(), caller);
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
                        passage.chunkId(), passage.url(), passage.relevance()))
                .toList();
    }
}
