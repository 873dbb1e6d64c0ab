package dev.supportassistant.routing;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.supportassistant.agent.AgentRegistry;
import dev.supportassistant.agent.AiAgent;
import dev.supportassistant.platform.config.InvalidSettingException;

/**
 * Chooses who answers a turn. In order, the first that applies decides:
 * <ol>
 * <li>the provider the request itself names (an operator's or a test's explicit choice);</li>
 * <li>the first routing rule ({@code ROUTING_RULES}) whose conditions all hold;</li>
 * <li>the conversation's experiment variant ({@code EXPERIMENTS});</li>
 * <li>the active provider.</li>
 * </ol>
 * Rules come before experiments because they encode what the operator knows to be right for a
 * kind of turn (a confused customer gets the strongest model in every variant); an experiment
 * compares variants on the turns no rule claims. Whoever decides, the conversation's variant is
 * recorded on its messages, and so is the rule that fired, so an experiment's results can tell
 * the turns its variants answered from those a rule took. The dispatcher's failover still applies
 * to whatever is chosen.
 *
 * <p>Both settings are checked at start-up: a rule or variant naming a provider that does not
 * exist or is not configured stops the service with a message naming the rule and the variable.
 */
@Service
public class ProviderRouting {

    private static final Logger log = LoggerFactory.getLogger(ProviderRouting.class);

    private final List<RoutingRule> rules;
    private final List<Experiment> experiments;
    private final ExperimentAssigner assigner;

    ProviderRouting(RoutingSettings settings, AgentRegistry agents) {
        SettingsDocument rulesDocument = SettingsDocument.of("ROUTING_RULES");
        this.rules = RoutingRule.parse(rulesDocument, rulesDocument.parse(settings.rules()));
        for (RoutingRule rule : rules) {
            requireConfigured(agents, rule.provider(), "ROUTING_RULES", "rule \"" + rule.name() + "\"");
        }
        SettingsDocument experimentsDocument = SettingsDocument.of("EXPERIMENTS");
        this.experiments = Experiment.parse(experimentsDocument, experimentsDocument.parse(settings.experiments()));
        for (Experiment experiment : experiments) {
            for (Experiment.Variant variant : experiment.variants()) {
                requireConfigured(agents, variant.provider(), "EXPERIMENTS",
                        "variant \"" + variant.name() + "\" of experiment \"" + experiment.name() + "\"");
            }
        }
        this.assigner = new ExperimentAssigner(experiments);
        if (!rules.isEmpty() || !experiments.isEmpty()) {
            log.info("Routing: {} rule(s) {}, experiment(s) {}", rules.size(),
                    rules.stream().map(RoutingRule::name).toList(), experiments.stream().map(Experiment::name).toList());
        }
    }

    private static void requireConfigured(AgentRegistry agents, String provider, String variable, String who) {
        AiAgent agent = agents.find(provider).orElseThrow(() -> new InvalidSettingException(variable, null,
                "providers among " + String.join(", ", agents.providers()) + "; " + who + " names \"" + provider
                        + "\""));
        agent.missingConfiguration().ifPresent(missing -> {
            throw new InvalidSettingException(variable, null, "configured providers; " + who + " names " + provider
                    + ", which is not configured (" + missing + ")");
        });
    }

    /**
     * Who answers this turn.
     *
     * @param requestedProvider the provider the request names, if it names one
     */
    public RouteDecision decide(TurnFacts turn, @Nullable String requestedProvider) {
        Optional<ExperimentAssigner.Assignment> assignment = assigner.assign(turn.conversationId());
        String experiment = assignment.map(a -> a.experiment().name()).orElse(null);
        String variant = assignment.map(a -> a.variant().name()).orElse(null);
        if (requestedProvider != null && !requestedProvider.isBlank()) {
            return new RouteDecision(requestedProvider, null, null, null, experiment, variant);
        }
        for (RoutingRule rule : rules) {
            if (rule.matches(turn)) {
                return new RouteDecision(rule.provider(), rule.model(), rule.systemPrompt(), rule.name(), experiment,
                        variant);
            }
        }
        return assignment.map(a -> new RouteDecision(a.variant().provider(), a.variant().model(),
                a.variant().systemPrompt(), null, experiment, variant))
                .orElseGet(() -> new RouteDecision(null, null, null, null, null, null));
    }

    /** The conversation's experiment and variant, for recording on its messages; both absent when it is in none. */
    public RouteDecision assignment(String conversationId) {
        return assigner.assign(conversationId)
                .map(a -> new RouteDecision(null, null, null, null, a.experiment().name(), a.variant().name()))
                .orElseGet(() -> new RouteDecision(null, null, null, null, null, null));
    }

    Optional<Experiment> experiment(String name) {
        return experiments.stream().filter(experiment -> experiment.name().equals(name)).findFirst();
    }

    /** The names of the experiments configured in {@code EXPERIMENTS}, in their order. */
    public List<String> experimentNames() {
        return experiments.stream().map(Experiment::name).toList();
    }

    List<Experiment> experiments() {
        return experiments;
    }
}
