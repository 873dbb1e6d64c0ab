package dev.supportassistant.agent;

import java.time.Duration;

import org.springframework.stereotype.Component;

import dev.supportassistant.agent.springai.ProviderFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the provider calls cost and how they went, as Micrometer meters. Token usage and call
 * duration follow the OpenTelemetry GenAI semantic conventions ({@code gen_ai.client.token.usage},
 * {@code gen_ai.client.operation.duration} and their attribute names), so dashboards built for them
 * work here; errors, fallbacks and circuit states are this service's own ({@code support.provider.*}).
 *
 * <p>Every tag value comes from a small fixed set (provider names, configured and reported model
 * names, {@link ProviderFailure#cause()}), never from a request, so the number of series stays
 * bounded.
 */
@Component
class AgentMetrics {

    static final String TOKEN_USAGE = "gen_ai.client.token.usage";
    static final String OPERATION_DURATION = "gen_ai.client.operation.duration";
    static final String ERRORS = "support.provider.errors";
    static final String FALLBACKS = "support.provider.fallbacks";
    static final String CIRCUIT_STATE = "support.provider.circuit.state";

    /** The outcome of one provider call, as the {@code outcome} tag of the duration. */
    enum Outcome {
        SUCCESS, ERROR, CANCELLED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    AgentMetrics(MeterRegistry registry, AgentRegistry agents, ProviderCircuits circuits) {
        this.registry = registry;
        for (AiAgent agent : agents.agents()) {
            if (agent == agents.local()) {
                continue; // local has no circuit: it needs no network and always answers
            }
            String provider = agent.provider();
            Gauge.builder(CIRCUIT_STATE, circuits, all -> stateCode(all.state(provider)))
                    .description("Circuit breaker state per provider: 0 closed, 1 half-open (on trial), "
                            + "2 open (skipped)")
                    .tag("provider", provider)
                    .register(registry);
        }
    }

    /** A provider answered: how long it took and the tokens it cost, prompt and completion apart. */
    void answered(AiAgent agent, AgentReply reply, Duration took) {
        duration(agent, reply.model(), Outcome.SUCCESS, "none", took);
        tokens(agent, reply);
    }

    /** The tokens of a reply, also of one cut short (estimated then, as stored). */
    void tokens(AiAgent agent, AgentReply reply) {
        TokenUsage usage = reply.usage();
        tokenSummary(agent, reply.model(), "input").record(usage.promptTokens());
        tokenSummary(agent, reply.model(), "output").record(usage.completionTokens());
    }

    /** A provider call failed (after its retries): its duration, and an error by cause. */
    void failed(AiAgent agent, ProviderFailure failure, Duration took) {
        duration(agent, agent.model(), Outcome.ERROR, failure.cause(), took);
        error(agent.provider(), failure.cause());
    }

    /** The customer left while the provider was writing: neither the provider's success nor its fault. */
    void cancelled(AiAgent agent, Duration took) {
        duration(agent, agent.model(), Outcome.CANCELLED, "none", took);
    }

    /** A provider was skipped without a call because its circuit is open. */
    void skipped(String provider) {
        error(provider, "circuit_open");
    }

    /** Another provider answered because the chosen one failed or was skipped. */
    void fellBack(String from, String to) {
        Counter.builder(FALLBACKS)
                .description("Answers given by a fallback provider because the chosen one failed")
                .tags("from", from, "to", to)
                .register(registry).increment();
    }

    private void error(String provider, String cause) {
        Counter.builder(ERRORS)
                .description("Failed provider calls (after retries) and calls skipped by an open circuit, by cause")
                .tags("provider", provider, "cause", cause)
                .register(registry).increment();
    }

    private void duration(AiAgent agent, String responseModel, Outcome outcome, String errorType, Duration took) {
        Timer.builder(OPERATION_DURATION)
                .description("Duration of one provider call, retries included")
                .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", agent.provider(),
                        "gen_ai.request.model", agent.model(), "gen_ai.response.model", responseModel,
                        "outcome", outcome.tag(), "error.type", errorType)
                .register(registry).record(took);
    }

    private DistributionSummary tokenSummary(AiAgent agent, String responseModel, String type) {
        return DistributionSummary.builder(TOKEN_USAGE)
                .description("Tokens per provider call, input (prompt) and output (completion) apart")
                .baseUnit("tokens")
                .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", agent.provider(),
                        "gen_ai.request.model", agent.model(), "gen_ai.response.model", responseModel,
                        "gen_ai.token.type", type)
                .register(registry);
    }

    static int stateCode(String state) {
        return switch (state) {
            case "closed" -> 0;
            case "half_open" -> 1;
            case "open", "forced_open" -> 2;
            default -> -1; // disabled or metrics-only: never configured here
        };
    }
}
