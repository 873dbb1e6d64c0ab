package dev.supportassistant.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.supportassistant.platform.config.InvalidSettingException;
import dev.supportassistant.agent.springai.ConversationPrompt;
import dev.supportassistant.agent.springai.ProviderFailure;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

/**
 * Hands a customer's turn to a provider and makes sure an answer comes back. The chosen provider
 * (the request's own, else the active one) is tried first, then the fallback chain
 * ({@code AI_FALLBACK_PROVIDERS}, by default every other configured provider), and the built-in
 * {@code local} agent last, which needs no network and so always answers.
 *
 * <p>Each provider gets {@code AI_TIMEOUT_SECONDS} for its reply, retries included
 * ({@link ProviderCalls}), so no customer waits longer than one timeout per provider in the chain.
 * The vendor SDKs' own retries are off, so this is the one retry policy, the same for every
 * provider and for streams. A provider whose circuit is open is skipped without a call.
 *
 * <p>A stream falls over only before its first piece of text: once the customer has seen part of
 * an answer, mixing in another provider's would be confusing, so a cut stream ends the answer
 * there and is marked incomplete.
 */
@Service
public class AgentDispatcher {

    private static final Logger log = LoggerFactory.getLogger(AgentDispatcher.class);

    private final ActiveProvider activeProvider;
    private final AgentRegistry registry;
    private final ProviderCircuits circuits;
    private final AgentSettings settings;
    private final AgentMetrics metrics;
    private final ProviderCalls calls;

    AgentDispatcher(ActiveProvider activeProvider, AgentRegistry registry, ProviderCircuits circuits,
            AgentSettings settings, AgentMetrics metrics) {
        this.activeProvider = activeProvider;
        this.registry = registry;
        this.circuits = circuits;
        this.settings = settings;
        this.metrics = metrics;
        settings.fallbackProviders().stream().filter(name -> registry.find(name).isEmpty()).findFirst()
                .ifPresent(unknown -> {
                    throw new InvalidSettingException("AI_FALLBACK_PROVIDERS", String.join(",", settings.fallbackProviders()),
                            "a comma-separated list of " + String.join(", ", registry.providers()));
                });
        this.calls = new ProviderCalls(settings);
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
        for (AiAgent agent : chain) {
            boolean fallback = agent != chain.get(0);
            CircuitBreaker circuit = circuits.of(agent.provider());
            boolean isLocal = agent == registry.local();
            if (!isLocal && !circuit.tryAcquirePermission()) {
                failures.add(agent.provider() + ": circuit open, skipped");
                metrics.skipped(agent.provider());
                continue;
            }
            ProviderCalls.Relay relay = new ProviderCalls.Relay(onText);
            long callStarted = System.nanoTime();
            AgentRequest asked = fallback ? request.withConfiguredModel() : request;
            try {
                AgentReply reply = calls.call(agent, asked, relay);
                if (!isLocal) {
                    circuit.onSuccess(System.nanoTime() - callStarted, TimeUnit.NANOSECONDS);
                }
                metrics.answered(agent, reply, since(callStarted));
                if (fallback) {
                    metrics.fellBack(chain.get(0).provider(), agent.provider());
                }
                return new AgentAnswer(agent.provider(), reply, elapsedMs(started), fallback,
                        failures.isEmpty() ? null : String.join("; ", failures), false);
            } catch (RuntimeException failure) {
                if (ProviderCalls.ListenerGoneException.causedBy(failure)) {
                    if (!isLocal) {
                        circuit.releasePermission();
                    }
                    metrics.cancelled(agent, since(callStarted));
                    return partial(agent, chain.get(0).provider(), asked, relay, started, fallback, failures,
                            "client disconnected");
                }
                ProviderFailure what = ProviderFailure.of(failure);
                if (!isLocal) {
                    circuit.onError(System.nanoTime() - callStarted, TimeUnit.NANOSECONDS, failure);
                }
                log.warn("AI provider {} failed: {}", agent.provider(), what.summary());
                metrics.failed(agent, what, since(callStarted));
                if (isLocal && !relay.started()) {
                    throw failure;
                }
                if (relay.started()) {
                    return partial(agent, chain.get(0).provider(), asked, relay, started, fallback, failures,
                            agent.provider() + ": " + what.summary());
                }
                failures.add(agent.provider() + ": " + what.summary());
            }
        }
        throw new IllegalStateException("The fallback chain ended without the local agent");
    }

    private AgentAnswer partial(AiAgent agent, String chosen, AgentRequest request, ProviderCalls.Relay relay, long started,
            boolean fallback, List<String> failures, String cut) {
        List<String> errors = new ArrayList<>(failures);
        errors.add(cut);
        String text = relay.text();
        AgentReply reply = new AgentReply(text, request.model() == null || agent == registry.local() ? agent.model()
                : request.model(),
                TokenUsage.estimated(ConversationPrompt.instructions(request, request.systemPromptOr(settings.systemPrompt())) + "\n"
                        + request.message(), text),
                request.passages());
        metrics.tokens(agent, reply);
        if (fallback) {
            metrics.fellBack(chosen, agent.provider());
        }
        return new AgentAnswer(agent.provider(), reply, elapsedMs(started), fallback, String.join("; ", errors), true);
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

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static long elapsedMs(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
