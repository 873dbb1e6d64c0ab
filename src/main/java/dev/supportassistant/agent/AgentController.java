package dev.supportassistant.agent;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints: which provider answers, and switching it at run time (operators only, by the
 * security module's access rules).
 */
@RestController
@RequestMapping("/api/v1/agent")
class AgentController {

    private final ActiveProvider activeProvider;
    private final AgentRegistry registry;
    private final ProviderCircuits circuits;

    AgentController(ActiveProvider activeProvider, AgentRegistry registry, ProviderCircuits circuits) {
        this.activeProvider = activeProvider;
        this.registry = registry;
        this.circuits = circuits;
    }

    /**
     * The provider's state as operators see it.
     *
     * @param circuitState {@code closed}, {@code open} (skipped after repeated failures) or {@code half_open}
     */
    record ProviderStatus(String name, boolean configured, String model, @Nullable String missingConfiguration,
            String circuitState) {
    }

    record CurrentProvider(String provider, List<String> supportedProviders, List<ProviderStatus> providers) {
    }

    record SwitchResult(String message, String provider) {
    }

    @GetMapping("/current")
    CurrentProvider current() {
        return new CurrentProvider(activeProvider.current().provider(), registry.providers(),
                registry.agents().stream()
                .map(agent -> new ProviderStatus(agent.provider(), agent.isConfigured(), agent.model(),
                        agent.missingConfiguration().orElse(null), circuits.state(agent.provider())))
                .toList());
    }

    @PostMapping("/switch")
    SwitchResult switchProvider(@RequestParam String provider) {
        AiAgent agent = activeProvider.switchTo(provider);
        return new SwitchResult("Successfully switched to " + agent.provider(), agent.provider());
    }
}
