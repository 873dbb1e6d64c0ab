package dev.supportassistant.agent.springai;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;

import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.AgentSettings;
import dev.supportassistant.agent.AiAgent;
import dev.supportassistant.agent.TokenUsage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An agent backed by a Spring AI {@link ChatModel}: everything the OpenAI, Anthropic and Ollama
 * agents share. A subclass only says how to build its chat model from its settings and what is
 * missing when it cannot; this class builds the prompt, calls the model, and reads the provider's
 * own token usage, for streamed replies too.
 *
 * <p>The chat model is built only when the agent is configured, so a missing key never reaches
 * the vendor SDK, which would refuse to start without one.
 */
public abstract class SpringAiAgent implements AiAgent {

    private final String provider;
    private final String model;
    private final Optional<String> missingConfiguration;
    private final @Nullable ChatModel chatModel;
    private final AgentSettings settings;

    /**
     * @param missingConfiguration what keeps the agent from answering; absent when it is ready
     * @param chatModel builds the chat model; called only when nothing is missing
     */
    protected SpringAiAgent(String provider, String model, @Nullable String missingConfiguration,
            Supplier<ChatModel> chatModel, AgentSettings settings) {
        this.provider = provider;
        this.model = model;
        this.missingConfiguration = Optional.ofNullable(missingConfiguration);
        this.chatModel = missingConfiguration == null ? chatModel.get() : null;
        this.settings = settings;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public Optional<String> missingConfiguration() {
        return missingConfiguration;
    }

    /**
     * The reply; when the request carries a screenshot and the model refuses the request (a 4xx
     * that is not about credentials, rate or a missing model: models without vision answer so),
     * once more with the screenshot's text instead of the image.
     */
    @Override
    public AgentReply reply(AgentRequest request) {
        try {
            return replyTo(request);
        } catch (RuntimeException refused) {
            if (!refusedImage(request, refused)) {
                throw refused;
            }
            return replyTo(request.screenAsText());
        }
    }

    /** As {@link #reply}: a refused image is sent as text, if the model refused before writing anything. */
    @Override
    public AgentReply stream(AgentRequest request, Consumer<String> onText) {
        boolean[] wrote = {false};
        Consumer<String> watched = text -> {
            wrote[0] = true;
            onText.accept(text);
        };
        try {
            return streamTo(request, watched, onText);
        } catch (RuntimeException refused) {
            if (wrote[0] || !refusedImage(request, refused)) {
                throw refused;
            }
            return streamTo(request.screenAsText(), onText, onText);
        }
    }

    private static boolean refusedImage(AgentRequest request, RuntimeException failure) {
        return request.screen() != null && "rejected".equals(ProviderFailure.of(failure).cause());
    }

    private AgentReply replyTo(AgentRequest request) {
        List<Message> messages = messages(request);
        ChatResponse response = configuredModel().call(prompt(messages, request));
        Generation result = response.getResult();
        if (result == null || result.getOutput().getText() == null) {
            throw new MalformedReplyException(provider + " returned no text");
        }
        String content = result.getOutput().getText();
        return new AgentReply(content, modelOf(response, request), usage(response.getMetadata().getUsage(), messages, content),
                request.passages());
    }

    private AgentReply streamTo(AgentRequest request, Consumer<String> onText, Consumer<String> listener) {
        List<Message> messages = messages(request);
        StringBuilder content = new StringBuilder();
        StreamState state = new StreamState();
        Flux<ChatResponse> stream = configuredModel().stream(prompt(messages, request));
        // Cancelled, and with it the HTTP stream, the moment the caller gives up; an interrupt of this
        // thread alone may be lost while it is not waiting, and onText throws only when text comes.
        if (listener instanceof GivenUpOn caller) {
            stream = stream.takeUntilOther(caller.givenUp());
        }
        stream.doOnNext(chunk -> {
            Usage usage = chunk.getMetadata() == null ? null : chunk.getMetadata().getUsage();
            if (reported(usage)) {
                state.usage = usage;
            }
            if (chunk.getMetadata() != null && chunk.getMetadata().getModel() != null
                    && !chunk.getMetadata().getModel().isBlank()) {
                state.model = chunk.getMetadata().getModel();
            }
            for (Generation generation : chunk.getResults()) {
                String finish = generation.getMetadata().getFinishReason();
                if (finish != null && !finish.isBlank()) {
                    state.finished = true;
                }
                String text = generation.getOutput().getText();
                if (text != null && !text.isEmpty()) {
                    content.append(text);
                    onText.accept(text);
                }
            }
        }).blockLast();
        if (!state.finished) {
            // Without a finish reason the connection ended early: what arrived is only part of a reply.
            throw new StreamCutException(provider + " stream ended before the reply was finished");
        }
        String text = content.toString();
        return new AgentReply(text, state.model == null ? modelAsked(request) : state.model, usage(state.usage, messages, text),
                request.passages());
    }

    private List<Message> messages(AgentRequest request) {
        return ConversationPrompt.messages(request, request.systemPromptOr(settings.systemPrompt()),
                settings.historyTokenBudget());
    }

    /**
     * The prompt, with the request's model when it names one. Spring AI takes a prompt's options
     * instead of the model's defaults, not merged with them, so the model's own options
     * (temperature, reply length, timeout, ...) are copied and only the model changed: the same code for
     * every provider.
     */
    private Prompt prompt(List<Message> messages, AgentRequest request) {
        if (request.model() == null) {
            return new Prompt(messages);
        }
        return new Prompt(messages, configuredModel().getOptions().mutate().model(request.model()).build());
    }

    private String modelAsked(AgentRequest request) {
        return request.model() == null ? model : request.model();
    }

    private ChatModel configuredModel() {
        if (chatModel == null) {
            throw new IllegalStateException(provider + " is not configured");
        }
        return chatModel;
    }

    private String modelOf(ChatResponse response, AgentRequest request) {
        String reported = response.getMetadata().getModel();
        return reported == null || reported.isBlank() ? modelAsked(request) : reported;
    }

    /** The provider's own count; an estimate, marked as one, only when it reported none. */
    static TokenUsage usage(@Nullable Usage usage, List<Message> prompt, String completion) {
        if (reported(usage)) {
            int promptTokens = usage.getPromptTokens() == null ? 0 : usage.getPromptTokens();
            int completionTokens = usage.getCompletionTokens() == null ? 0 : usage.getCompletionTokens();
            return TokenUsage.reported(promptTokens, completionTokens);
        }
        return TokenUsage.estimated(prompt.stream().map(Message::getText).filter(java.util.Objects::nonNull)
                .collect(Collectors.joining("\n")), completion);
    }

    private static boolean reported(@Nullable Usage usage) {
        if (usage == null) {
            return false;
        }
        Integer total = usage.getTotalTokens();
        return total != null && total > 0;
    }

    /** A stream's listener that tells when its caller gave up on the stream (its deadline passed). */
    public interface GivenUpOn {

        /** Emits once the caller gave up. */
        Mono<?> givenUp();
    }

    /** What a stream has told so far besides its text. */
    private static final class StreamState {
        private volatile @Nullable Usage usage;
        private volatile @Nullable String model;
        private volatile boolean finished;
    }
}
