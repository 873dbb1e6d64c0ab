package dev.supportassistant.desk.console;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.supportassistant.desk.SignedIn;
import dev.supportassistant.agent.ActiveProvider;
import dev.supportassistant.agent.AgentRegistry;
import dev.supportassistant.agent.ProviderCircuits;

/** Which AI provider answers, every provider's state (configured, model, circuit), and switching it. */
@Controller
class ProvidersConsole {

    private final ActiveProvider active;
    private final AgentRegistry registry;
    private final ProviderCircuits circuits;

    ProvidersConsole(ActiveProvider active, AgentRegistry registry, ProviderCircuits circuits) {
        this.active = active;
        this.registry = registry;
        this.circuits = circuits;
    }

    /** One provider's row; {@code missing} says what its configuration lacks. */
    record Row(String name, boolean configured, String model, @Nullable String missing, String circuit,
            boolean active) {

        /** The circuit breaker's state in words; none for a provider that is not configured (never called). */
        public String circuitLabel() {
            if (!configured) {
                return "—";
            }
            return switch (circuit) {
                case "closed" -> "closed: calls go through";
                case "half_open" -> "half open: trying calls again";
                case "open", "forced_open" -> "open: skipped after failures";
                default -> circuit;
            };
        }
    }

    @GetMapping("/desk/console")
    String providers(Model model, Authentication authentication) {
        String current = active.current().provider();
        List<Row> rows = registry.agents().stream().map(agent -> new Row(agent.provider(), agent.isConfigured(),
                agent.model(), agent.missingConfiguration().orElse(null), circuits.state(agent.provider()),
                agent.provider().equals(current))).toList();
        model.addAttribute("me", SignedIn.of(authentication));
        model.addAttribute("current", current);
        model.addAttribute("providers", rows);
        return "desk/console/providers";
    }

    @PostMapping("/desk/console/providers")
    String switchProvider(@RequestParam(defaultValue = "") String provider, RedirectAttributes flash) {
        return ConsoleSteps.run(flash, "/desk/console",
                () -> "Switched to " + active.switchTo(provider).provider()
                        + ": it answers the next message of every conversation.");
    }
}
