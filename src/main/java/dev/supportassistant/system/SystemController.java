package dev.supportassistant.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.supportassistant.agent.ActiveProvider;
import dev.supportassistant.agent.AgentRegistry;
import dev.supportassistant.agent.AiAgent;
import dev.supportassistant.agent.ProviderCircuits;
import dev.supportassistant.screenshare.AgoraSettings;

/** The API root and the health summary. */
@RestController
class SystemController {

    private final ActiveProvider activeProvider;
    private final AgentRegistry agents;
    private final ProviderCircuits circuits;
    private final AgoraSettings agora;
    private final String version;

    SystemController(ActiveProvider activeProvider, AgentRegistry agents, ProviderCircuits circuits,
            AgoraSettings agora, @Value("${support.version}") String version) {
        this.activeProvider = activeProvider;
        this.agents = agents;
        this.circuits = circuits;
        this.agora = agora;
        this.version = version;
    }

    record Welcome(String message, String version, String docs) {
    }

    /**
     * @param providers per provider: {@code not_configured}, {@code available}, or {@code failing}
     *     (its circuit is open after repeated failures) or {@code recovering} (on trial); judged from
     *     the calls customers' messages made, so a probe never costs a paid API call
     */
    record Health(String status, String aiProvider, boolean agoraConfigured, Map<String, String> providers) {
    }

    @GetMapping("/")
    Welcome root() {
        return new Welcome("AI Support Assistant API", version, "/docs");
    }

    @GetMapping("/api/v1/health")
    Health health() {
        Map<String, String> providers = new LinkedHashMap<>();
        for (AiAgent agent : agents.agents()) {
            providers.put(agent.provider(), providerStatus(agent));
        }
        return new Health("healthy", activeProvider.current().provider(), agora.isConfigured(), providers);
    }

    private String providerStatus(AiAgent agent) {
        if (!agent.isConfigured()) {
            return "not_configured";
        }
        return switch (circuits.state(agent.provider())) {
            case "open", "forced_open" -> "failing";
            case "half_open" -> "recovering";
            default -> "available";
        };
    }
}
