package dev.supportassistant.agent;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.supportassistant.platform.config.InvalidSettingException;
import dev.supportassistant.agent.springai.ConversationPrompt;
import dev.supportassistant.agent.springai.ProviderFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Hands a customer's turn to a provider and makes sure an answer comes back. The chosen provider
 * (the request's own, else the active one) is tried first, then the fallback chain
 * ({@code AI_FALLBACK_PROVIDERS}, by default every other configured provider), and the built-in
 * {@code local} agent last, which needs no network and so always answers.
 *
 * <p>Each provider gets {@code AI_TIMEOUT_SECONDS} for its reply, retries included
 * ({@link ProviderCalls}), so no customer waits longer than one timeout per provider in the chain.
 * The vendor SDKs' own retries are off, so this is the one retry policy, the same for every
 * provider and for streams. A provider whose circuit is open is skipped without a call. Answers
 * given by a fallback are counted ({@value #FALLBACKS}); the calls themselves are measured by
 * Spring AI's and Resilience4j's meters ({@link ProviderMetrics}).
 *
 * <p>No provider but the offline {@code local} agent sees personal data: card numbers, e-mail
 * addresses, phone numbers and the like in the request are replaced by placeholders before the
 * first provider is asked, and its answer, streamed or not, has them restored before anyone sees
 * it ({@link PromptMasking}, {@code PII_MASKING}).
 *
 * <p>A stream falls over only before its first piece of text: once the customer has seen part of
 * an answer, mixing in another provider's would be confusing, so a cut stream ends the answer
 * there and is marked incomplete.
 */
@Service
public class AgentDispatcher {

    static final String FALLBACKS = "support.provider.fallbacks";

    private static final Logger log = LoggerFactory.getLogger(AgentDispatcher.class);

    private final ActiveProvider activeProvider;
    private final AgentRegistry registry;
    private final AgentSettings settings;
    private final ProviderCalls calls;
    private final MeterRegistry meters;
    private final PromptMasking masking;

    AgentDispatcher(ActiveProvider activeProvider, AgentRegistry registry, AgentSettings settings, ProviderCalls calls,
            MeterRegistry meters, PromptMasking masking) {
        this.masking = masking;
        this.activeProvider = activeProvider;
        this.registry = registry;
        this.settings = settings;
        this.calls = calls;
        this.meters = meters;
        settings.fallbackProviders().stream().filter(name -> registry.find(name).isEmpty()).findFirst()
                .ifPresent(unknown -> {
                    throw new InvalidSettingException("AI_FALLBACK_PROVIDERS", String.join(",", settings.fallbackProviders()),
                            "a comma-separated list of " + String.join(", ", registry.providers()));
                });
    }

    /**
     * Answers in one piece.
     *
     * @param provider the provider the request asked for; absent or blank, the active one answers
     * @throws UnknownProviderException no agent has that name (422)
     * @throws ProviderNotConfiguredException the named provider lacks its configuration (400)
     */
    public AgentAnswer answer(AgentRequest request, @Nullable String provider) {
        return dispatch(request, provider, null);
    }

    /**
     * Answers piece by piece: {@code onText} receives the text as the provider writes it, and the
     * returned answer holds the whole reply. When {@code onText} throws (the customer left), the
     * provider's stream is stopped and the answer holds what was produced, marked incomplete.
     */
    public AgentAnswer stream(AgentRequest request, @Nullable String provider, Consumer<String> onText) {
        return dispatch(request, provider, onText);
    }

    private AgentAnswer dispatch(AgentRequest request, @Nullable String provider, @Nullable Consumer<String> onText) {
        long started = System.nanoTime();
        List<AiAgent> chain = chain(chosen(provider));
        List<String> failures = new ArrayList<>();
        // Masked once for the whole chain: every provider of this turn sees the same placeholders.
        PromptMasking.Masked masked = masking.mask(request);
        for (AiAgent agent : chain) {
            boolean fallback = agent != chain.get(0);
            boolean isLocal = agent == registry.local();
            // Only the offline agent, which never sends anything out of the process, reads the originals.
            AgentRequest shown = isLocal ? request : masked.request();
            AgentRequest asked = fallback ? shown.withConfiguredModel() : shown;
            PromptMasking.Restoring restoring = masked.restoring(onText);
            ProviderCalls.Relay relay = new ProviderCalls.Relay(onText == null ? null : isLocal ? onText : restoring);
            try {
                // local needs no network: no circuit, deadline or retry
                AgentReply reply = !isLocal ? calls.call(agent, asked, relay)
                        : relay.streaming() ? agent.stream(asked, relay) : agent.reply(asked);
                if (!isLocal) {
                    reply = masked.restored(reply);
                    if (relay.streaming() && !passedOnRest(restoring)) {
                        return answered(agent, chain.get(0), reply, started, fallback, failures, "client disconnected");
                    }
                }
                return answered(agent, chain.get(0), reply, started, fallback, failures, null);
            } catch (CallNotPermittedException open) {
                failures.add(agent.provider() + ": circuit open, skipped");
            } catch (RuntimeException failure) {
                relay.close();
                if (ProviderCalls.ListenerGoneException.causedBy(failure)) {
                    return answered(agent, chain.get(0), partial(agent, asked, relay, masked, isLocal), started,
                            fallback, failures, "client disconnected");
                }
                String summary = ProviderFailure.of(failure).summary();
                log.warn("AI provider {} failed: {}", agent.provider(), summary);
                if (relay.started()) {
                    if (!isLocal) {
                        passedOnRest(restoring);
                    }
                    return answered(agent, chain.get(0), partial(agent, asked, relay, masked, isLocal), started,
                            fallback, failures, agent.provider() + ": " + summary);
                }
                if (isLocal) {
                    throw failure;
                }
                failures.add(agent.provider() + ": " + summary);
            }
        }
        throw new IllegalStateException("The fallback chain ended without the local agent");
    }

    /**
     * Passes on the end of a streamed answer that was held back as a possible placeholder's start;
     * false when the customer is gone.
     */
    private static boolean passedOnRest(PromptMasking.Restoring restoring) {
        try {
            restoring.finish();
            return true;
        } catch (RuntimeException gone) {
            return false;
        }
    }

    /** @param cut why a streamed answer ended early; absent when it is whole */
    private AgentAnswer answered(AiAgent agent, AiAgent chosen, AgentReply reply, long started, boolean fallback,
            List<String> failures, @Nullable String cut) {
        if (fallback) {
            Counter.builder(FALLBACKS).description("Answers given by a fallback provider because the chosen one failed")
                    .tags("from", chosen.provider(), "to", agent.provider()).register(meters).increment();
        }
        List<String> errors = new ArrayList<>(failures);
        if (cut != null) {
            errors.add(cut);
        }
        return new AgentAnswer(agent.provider(), reply, (System.nanoTime() - started) / 1_000_000, fallback,
                errors.isEmpty() ? null : String.join("; ", errors), cut != null);
    }

    /** What a stream produced before it was cut, with its tokens estimated. */
    private AgentReply partial(AiAgent agent, AgentRequest request, ProviderCalls.Relay relay,
            PromptMasking.Masked masked, boolean isLocal) {
        // The relay kept the provider's own text, placeholders and all.
        String text = isLocal ? relay.text() : masked.masking().restore(relay.text());
        return new AgentReply(text, request.model() == null || agent == registry.local() ? agent.model()
                : request.model(),
                TokenUsage.estimated(ConversationPrompt.instructions(request, request.systemPromptOr(settings.systemPrompt())) + "\n"
                        + request.message(), text),
                isLocal ? request.passages() : masked.originalPassages());
    }

    /**
     * Checks a request's provider name without calling it. A request that names none needs no
     * check, and no read of the operator's switch: the active provider always has an answer.
     *
     * @throws UnknownProviderException no agent has that name (422)
     * @throws ProviderNotConfiguredException the named provider lacks its configuration (400)
     */
    public void checkProvider(@Nullable String provider) {
        if (provider != null && !provider.isBlank()) {
            chosen(provider);
        }
    }

    private AiAgent chosen(@Nullable String provider) {
        if (provider == null || provider.isBlank()) {
            return activeProvider.current();
        }
        AiAgent agent = registry.require(provider);
        agent.missingConfiguration().ifPresent(missing -> {
            throw new ProviderNotConfiguredException(agent.provider(), missing);
        });
        return agent;
    }

    /** The chosen agent, then the configured fallbacks in order, then {@code local}, each once. */
    List<AiAgent> chain(AiAgent chosen) {
        Set<AiAgent> chain = new LinkedHashSet<>();
        chain.add(chosen);
        List<String> fallbacks = settings.fallbackProviders().isEmpty() ? registry.providers()
                : settings.fallbackProviders();
        fallbacks.stream().map(registry::find).flatMap(java.util.Optional::stream)
                .filter(AiAgent::isConfigured)
                .filter(agent -> agent != registry.local())
                .forEach(chain::add);
        chain.add(registry.local());
        return List.copyOf(chain);
    }
}
