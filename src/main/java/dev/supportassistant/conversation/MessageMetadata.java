package dev.supportassistant.conversation;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.supportassistant.conversation.ChatMessage.Role;

/**
 * What kind of message a message is, and what is known about it besides its text: one record per
 * kind, each with only the fields that kind has. In JSON (the {@code metadata} of a message) absent
 * fields are left out, as the wire contract has always shown them.
 *
 * <p>Fields a kind may lack in rows stored by earlier versions are {@code @Nullable}; messages
 * stored now fill them (the factories on each kind say what a new one carries). Customers are
 * shown each kind without the service's internals ({@link #forCustomer()}).
 */
public sealed interface MessageMetadata {

    /** Stands in for a provider's failure summary in what customers are shown. */
    String FAILURE = "The AI provider had a problem with this answer";

    /** The role a message of this kind has. */
    Role role();

    /**
     * The same without what only staff and operators see: the routing rule, experiment and
     * variant (a customer who sees them can steer or skew them), the provider's failure summary
     * (one plain line instead, so a reply that failed over still says something went wrong), and the
     * notes staff leave when handing a conversation back or resolving it.
     */
    MessageMetadata forCustomer();

    /**
     * A customer's message.
     *
     * @param confusionLevel how confused it reads, 0 to 1
     * @param confusionSignals why the level is what it is
     * @param experiment the experiment ({@code EXPERIMENTS}) the conversation is in
     * @param variant the conversation's variant in it
     */
    record CustomerMessage(@Nullable Double confusionLevel, @Nullable List<String> confusionSignals,
            @Nullable String experiment, @Nullable String variant) implements MessageMetadata {

        /** A new customer message, in the experiment variant its conversation is in (if any). */
        public static CustomerMessage scored(double confusionLevel, List<String> confusionSignals,
                @Nullable String experiment, @Nullable String variant) {
            return new CustomerMessage(confusionLevel, List.copyOf(confusionSignals), experiment, variant);
        }

        @Override
        public Role role() {
            return Role.USER;
        }

        @Override
        public CustomerMessage forCustomer() {
            return experiment == null && variant == null ? this
                    : new CustomerMessage(confusionLevel, confusionSignals, null, null);
        }
    }

    /**
     * An answer an AI provider wrote.
     *
     * @param provider the provider that answered (after failover, the one that did)
     * @param confusionLevel the confusion level of the customer's message it answers
     * @param fallback true when the chosen provider failed and another one answered
     * @param error one line saying what failed, when something did
     * @param sources the help-article passages the answer drew on
     * @param incomplete true when a streamed answer was cut off and holds only what arrived
     * @param route the routing rule ({@code ROUTING_RULES}) that chose its provider
     * @param feedback the customer's rating of it
     * @param screenGuidance the places on the customer's latest screenshot that it names, in its
     *     order; absent when it names none (or there was no recent screenshot)
     * @param language the language detected in the customer's message it answers ({@code en},
     *     {@code es}, {@code de}, {@code fr}), which it was asked to answer in; absent when none was told
     */
    record AiAnswer(String provider, @Nullable String model, @Nullable Double confusionLevel,
            @Nullable TokenUsage tokenUsage, @Nullable Boolean fallback, @Nullable String error,
            @Nullable Long latencyMs, @Nullable List<Source> sources, @Nullable Boolean incomplete,
            @Nullable String route, @Nullable String experiment, @Nullable String variant,
            @Nullable Feedback feedback, @Nullable List<ScreenGuidance> screenGuidance, @Nullable String language)
            implements MessageMetadata {

        /**
         * A new answer: who wrote it with which model, at what cost in tokens and time, for a
         * customer message of this confusion level, drawing on these passages; without a route,
         * an experiment or a failure until {@link #routed} and {@link #failed} say otherwise.
         */
        public static AiAnswer of(String provider, String model, TokenUsage tokenUsage, long latencyMs,
                double confusionLevel, List<Source> sources) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, false, null, latencyMs,
                    List.copyOf(sources), null, null, null, null, null, null, null);
        }

        /**
         * The same, after something failed on the way: the chosen provider (then a fallback answered,
         * {@code fellBack}) or the stream, described in one line.
         */
        public AiAnswer failed(boolean fellBack, @Nullable String failure) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fellBack, failure, latencyMs, sources,
                    incomplete, route, experiment, variant, feedback, screenGuidance, language);
        }

        /** The same, marked as a streamed answer cut off before its end. */
        public AiAnswer cutOff() {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, sources,
                    Boolean.TRUE, route, experiment, variant, feedback, screenGuidance, language);
        }

        /** The same, with the route and the experiment variant the turn was answered under. */
        public AiAnswer routed(@Nullable String rule, @Nullable String inExperiment, @Nullable String asVariant) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, sources,
                    incomplete, rule, inExperiment, asVariant, feedback, screenGuidance, language);
        }

        /** The same, pointing at these places on the customer's screen (none: no guidance). */
        public AiAnswer pointingAt(List<ScreenGuidance> places) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, sources,
                    incomplete, route, experiment, variant, feedback, places.isEmpty() ? null : List.copyOf(places),
                    language);
        }

        /** The same, answering a message in this language ({@code es}); absent when none was detected. */
        public AiAnswer inLanguage(@Nullable String detected) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, sources,
                    incomplete, route, experiment, variant, feedback, screenGuidance, detected);
        }

        /** Whether it holds only part of a streamed answer. */
        public boolean cutShort() {
            return Boolean.TRUE.equals(incomplete);
        }

        AiAnswer rated(@Nullable Feedback rating) {
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error, latencyMs, sources,
                    incomplete, route, experiment, variant, rating, screenGuidance, language);
        }

        @Override
        public Role role() {
            return Role.ASSISTANT;
        }

        @Override
        public AiAnswer forCustomer() {
            if (route == null && experiment == null && variant == null && (error == null || FAILURE.equals(error))) {
                return this;
            }
            return new AiAnswer(provider, model, confusionLevel, tokenUsage, fallback, error == null ? null : FAILURE,
                    latencyMs, sources, incomplete, null, null, null, feedback, screenGuidance, language);
        }
    }

    /**
     * A reply a person of the support side wrote to the customer.
     *
     * @param author the support agent's name (on every reply stored now)
     * @param handoff the conversation's handoff state when they wrote it
     * @param feedback the customer's rating of it
     */
    @JsonPropertyOrder({"feedback", "author", "human", "handoff"})
    record HumanReply(@Nullable String author, @Nullable Handoff handoff, @Nullable Feedback feedback)
            implements MessageMetadata {

        public static HumanReply by(String author, Handoff handoff) {
            return new HumanReply(author, handoff, null);
        }

        /** Always true: a person wrote it, not the AI. */
        @JsonProperty("human")
        public boolean human() {
            return true;
        }

        @Override
        public Role role() {
            return Role.ASSISTANT;
        }

        @Override
        public HumanReply forCustomer() {
            Handoff shown = handoff == null ? null : handoff.forCustomer();
            return shown == handoff ? this : new HumanReply(author, shown, feedback);
        }
    }

    /**
     * The assistant's own words while a person is asked for or holds the conversation, not a
     * model's: the holding reply of a handoff, the acknowledgement of a customer's message meanwhile,
     * or the reply saying nobody can come (then without a handoff state).
     *
     * @param handoff the conversation's handoff state when it was written
     * @param feedback the customer's rating of it
     */
    @JsonPropertyOrder({"feedback", "handoff"})
    record HoldingReply(@Nullable Handoff handoff, @Nullable Feedback feedback) implements MessageMetadata {

        public static HoldingReply during(@Nullable Handoff handoff) {
            return new HoldingReply(handoff, null);
        }

        @Override
        public Role role() {
            return Role.ASSISTANT;
        }

        @Override
        public HoldingReply forCustomer() {
            Handoff shown = handoff == null ? null : handoff.forCustomer();
            return shown == handoff ? this : new HoldingReply(shown, feedback);
        }
    }

    /**
     * The assistant's own words about an error that appeared on the customer's shared screen, posted
     * without the customer asking (screen watching): not a model's answer.
     *
     * @param screenError the error's text as read on the screen: the customer's screen's words
     * @param screenGuidance where the screen shows what to do about it; absent when it shows nothing
     * @param feedback the customer's rating of it
     */
    record ScreenNotice(String screenError, @Nullable List<ScreenGuidance> screenGuidance,
            @Nullable Feedback feedback) implements MessageMetadata {

        public static ScreenNotice of(String screenError, List<ScreenGuidance> places) {
            return new ScreenNotice(screenError, places.isEmpty() ? null : List.copyOf(places), null);
        }

        @Override
        public Role role() {
            return Role.ASSISTANT;
        }

        @Override
        public ScreenNotice forCustomer() {
            return this;
        }
    }

    /** A note the service keeps in the history: a handoff step, a screen-sharing step or a shared screenshot. */
    sealed interface SystemNote extends MessageMetadata {

        @Override
        default Role role() {
            return Role.SYSTEM;
        }
    }

    /** A handoff step: who changed who holds the conversation, from what, why. */
    record HandoffNote(Handoff handoff) implements SystemNote {

        @Override
        public HandoffNote forCustomer() {
            Handoff shown = handoff.forCustomer();
            return shown == handoff ? this : new HandoffNote(shown);
        }
    }

    /** A screen-sharing step: offered, or started. */
    record ScreenShareNote(ScreenShareEvent screenShare) implements SystemNote {

        @Override
        public ScreenShareNote forCustomer() {
            return this;
        }
    }

    /** A screenshot the customer shared. */
    record ScreenshotNote(Screenshot screenshot) implements SystemNote {

        @Override
        public ScreenshotNote forCustomer() {
            return this;
        }
    }

    /**
     * Tokens an answer cost, as its provider reported them.
     *
     * @param estimated true when the provider reported nothing and the numbers are estimated from
     *     the text's length
     */
    record TokenUsage(int promptTokens, int completionTokens, int totalTokens, boolean estimated) {
    }

    /** The customer's rating of a reply: {@code up} or {@code down}, with an optional comment. */
    record Feedback(String rating, @Nullable String comment, Instant createdAt) {
    }

    /**
     * A screenshot the customer shared.
     *
     * @param url where its owner, staff and operators fetch it ({@code /uploads/<name>})
     * @param ocrText the text read on it, when some was read
     */
    record Screenshot(String url, @Nullable String ocrText, int width, int height) {
    }

    /**
     * A place on a screenshot of the customer's that a reply points at: the label as the reply
     * names it and where it is, in the screenshot's own pixels.
     *
     * @param screenshotId the screenshot's name ({@code /uploads/<name>.png})
     * @param screenshotUrl where the screenshot is fetched; with {@code ?guidance=<message id>}, marked
     */
    record ScreenGuidance(String label, Box box, String screenshotId, String screenshotUrl) {

        /** A rectangle in pixels from the screenshot's top-left corner. */
        public record Box(int x, int y, int width, int height) {
        }
    }

    /**
     * A passage of the knowledge base an answer drew on.
     *
     * @param url the web page it was read from, for a web source's passage; absent otherwise
     * @param score how well the passage matched the customer's message, 0.0 to 1.0 (the knowledge
     *     search's relevance); absent on messages stored before it was recorded
     */
    record Source(String title, String chunkId, @Nullable String url, @Nullable Double score) {

        public Source(String title, String chunkId) {
            this(title, chunkId, null, null);
        }

        public Source(String title, String chunkId, @Nullable String url) {
            this(title, chunkId, url, null);
        }
    }

    /**
     * Who holds the conversation, on messages about a handoff.
     *
     * @param status {@code bot}, {@code waiting_for_human}, {@code with_human} or {@code resolved}
     * @param previousStatus the status before this change, on a status change
     * @param cause what escalated it: {@code customer_request}, {@code explicit_request} or {@code confusion}
     * @param reason why, in words: the customer's, the rule's or the agent's
     * @param by who changed it: {@code customer}, {@code assistant} (an automatic rule) or the agent's name
     */
    record Handoff(String status, @Nullable String previousStatus, @Nullable String cause,
            @Nullable String reason, @Nullable String by) {

        /** {@code by} of a step the customer took (the handoff button). */
        public static final String BY_CUSTOMER = "customer";
        /** {@code by} of a step an automatic rule took. */
        public static final String BY_ASSISTANT = "assistant";

        /** Whether a person of the support side took the step: then its reason is a staff note. */
        public boolean bySupportStaff() {
            return by != null && !BY_CUSTOMER.equals(by) && !BY_ASSISTANT.equals(by);
        }

        /** Without a staff member's note, which customers are not shown. */
        Handoff forCustomer() {
            return reason != null && bySupportStaff() ? new Handoff(status, previousStatus, cause, null, by) : this;
        }
    }
}
