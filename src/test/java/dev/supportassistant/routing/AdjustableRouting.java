package dev.supportassistant.routing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import dev.supportassistant.agent.AgentRegistry;

/**
 * The service's routing, with rules and experiments a test may set for a while: the routing tests
 * run in the shared provider-fakes context instead of a context of their own. Until a test calls
 * {@link #use}, and again after {@link #reset}, it routes as configured. Each setting is parsed and
 * checked as at start-up, by a {@link ProviderRouting} of its own.
 */
public class AdjustableRouting extends ProviderRouting {

    private final AgentRegistry agents;
    private volatile @Nullable ProviderRouting adjusted;

    AdjustableRouting(RoutingSettings settings, AgentRegistry agents) {
        super(settings, agents);
        this.agents = agents;
    }

    /**
     * Routes by these documents, written as an operator writes {@code ROUTING_RULES} and
     * {@code EXPERIMENTS}, until {@link #reset}.
     */
    public void use(String rules, String experiments) {
        adjusted = new ProviderRouting(new RoutingSettings(rules, experiments, null), agents);
    }

    /** Routes as configured again. */
    public void reset() {
        adjusted = null;
    }

    @Override
    public RouteDecision decide(TurnFacts turn, @Nullable String requestedProvider) {
        ProviderRouting routing = adjusted;
        return routing == null ? super.decide(turn, requestedProvider) : routing.decide(turn, requestedProvider);
    }

    @Override
    public RouteDecision assignment(String conversationId) {
        ProviderRouting routing = adjusted;
        return routing == null ? super.assignment(conversationId) : routing.assignment(conversationId);
    }

    @Override
    Optional<Experiment> experiment(String name) {
        ProviderRouting routing = adjusted;
        return routing == null ? super.experiment(name) : routing.experiment(name);
    }

    @Override
    public List<String> experimentNames() {
        ProviderRouting routing = adjusted;
        return routing == null ? super.experimentNames() : routing.experimentNames();
    }

    @Override
    List<Experiment> experiments() {
        ProviderRouting routing = adjusted;
        return routing == null ? super.experiments() : routing.experiments();
    }

    /** Puts it into a test's context, as the routing every part of the service uses. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InContext {

        @Bean
        @Primary
        AdjustableRouting adjustableRouting(RoutingSettings settings, AgentRegistry agents) {
            return new AdjustableRouting(settings, agents);
        }
    }
}
