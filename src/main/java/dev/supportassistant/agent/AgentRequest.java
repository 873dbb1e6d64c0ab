package dev.supportassistant.agent;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * Everything an agent gets to answer one customer message.
 *
 * @param history the conversation before the new message, oldest first
 * @param message the customer's new message
 * @param confusion how confused the customer seems; when {@code confused()}, offer screen sharing
 *     ({@link #offersScreenShare()})
 * @param passages help-article passages relevant to the message, best first
 * @param model the model to answer with instead of the provider's configured one (a routing rule
 *     or an experiment chose it); absent, the configured model answers. It applies only to the provider
 *     chosen first: a fallback provider answers with its own model, which is the one it knows.
 *     Agents without models to choose from (such as {@code local}) ignore it.
 * @param systemPrompt standing instructions instead of {@code SYSTEM_PROMPT} (an experiment's
 *     variant may try other ones); absent, {@code SYSTEM_PROMPT} applies. Kept through failover, since
 *     it is what the variant is about.
 * @param screen the conversation's latest screenshot, when there is one, for providers that accept
 *     images. Agents that cannot see images ignore it, or send {@link ScreenImage#text()}.
 * @param screenShareAvailable whether the customer can be offered screen sharing at all (Agora is
 *     configured); when not, no answer suggests it, since nobody could accept ({@link #offersScreenShare()})
 * @param language the language the customer's message is written in, when it was told
 *     ({@code language.CustomerLanguage}): the answer should be in it; absent, English
 */
public record AgentRequest(List<ConversationTurn> history, String message, ConfusionAssessment confusion,
        List<KnowledgePassage> passages, @Nullable String model, @Nullable String systemPrompt,
        @Nullable ScreenImage screen, boolean screenShareAvailable, @Nullable Locale language) {

    public AgentRequest(List<ConversationTurn> history, String message, ConfusionAssessment confusion,
            List<KnowledgePassage> passages, @Nullable String model, @Nullable String systemPrompt,
            @Nullable ScreenImage screen, boolean screenShareAvailable) {
        this(history, message, confusion, passages, model, systemPrompt, screen, screenShareAvailable, null);
    }

    public AgentRequest {
        history = List.copyOf(history);
        passages = List.copyOf(passages);
        model = model == null || model.isBlank() ? null : model.strip();
        systemPrompt = systemPrompt == null || systemPrompt.isBlank() ? null : systemPrompt;
    }

    /**
     * A request answered with the provider's configured model and {@code SYSTEM_PROMPT}, where
     * screen sharing may be offered.
     */
    public AgentRequest(List<ConversationTurn> history, String message, ConfusionAssessment confusion,
            List<KnowledgePassage> passages) {
        this(history, message, confusion, passages, null, null, null, true);
    }

    /** Whether the answer should offer screen sharing: the customer seems confused and it is available. */
    public boolean offersScreenShare() {
        return screenShareAvailable && confusion.confused();
    }

    /** The same request, where screen sharing can or cannot be offered. */
    public AgentRequest offeringScreenShare(boolean available) {
        return new AgentRequest(history, message, confusion, passages, model, systemPrompt, screen, available, language);
    }

    /** The same request, written in this language (absent: not told). */
    public AgentRequest writtenIn(@Nullable Locale detected) {
        return new AgentRequest(history, message, confusion, passages, model, systemPrompt, screen,
                screenShareAvailable, detected);
    }

    /** Whether the customer writes in a language other than English, which the help articles are in. */
    public boolean notInEnglish() {
        return language != null && !language.getLanguage().equals("en");
    }

    /** The same request, answered with this model and these instructions (either may be absent). */
    public AgentRequest answeredWith(@Nullable String model, @Nullable String systemPrompt) {
        return new AgentRequest(history, message, confusion, passages, model, systemPrompt, screen,
                screenShareAvailable, language);
    }

    /**
     * The same request with the texts a customer wrote or showed replaced (by masked ones,
     * {@link PromptMasking}), and everything else kept as it is.
     */
    AgentRequest withTexts(List<ConversationTurn> newHistory, String newMessage, List<KnowledgePassage> newPassages,
            @Nullable ScreenImage newScreen) {
        return new AgentRequest(newHistory, newMessage, confusion, newPassages, model, systemPrompt, newScreen,
                screenShareAvailable, language);
    }

        /** The same request, with the customer's latest screenshot, if there is one. */
    public AgentRequest showing(@Nullable ScreenImage screen) {
        return new AgentRequest(history, message, confusion, passages, model, systemPrompt, screen,
                screenShareAvailable, language);
    }

    /**
     * The same request for a model that refused the image: the screenshot's text goes with the
     * customer's message instead.
     */
    public AgentRequest screenAsText() {
        return screen == null ? this : new AgentRequest(history, message + "\n\n" + screen.asText(), confusion,
                passages, model, systemPrompt, null, screenShareAvailable, language);
    }

    /** The same request for a fallback provider: the chosen provider's model means nothing to it. */
    AgentRequest withConfiguredModel() {
        return model == null ? this
                : new AgentRequest(history, message, confusion, passages, null, systemPrompt, screen,
                        screenShareAvailable, language);
    }

    /** The instructions to use: the request's own, else {@code SYSTEM_PROMPT}. */
    public String systemPromptOr(String configured) {
        return systemPrompt == null ? configured : systemPrompt;
    }
}
