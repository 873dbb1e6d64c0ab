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
import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.screenshare.AgoraSettings;

/** The API root and the health summary. */
@RestController
class SystemController {

    /** The API's name, in {@code GET /} and as the title of the OpenAPI document. */
    static final String NAME = "AI Support Assistant API";
    /** What {@code GET /} says for {@code docs} when they are off (the old backend's wording). */
    static final String DOCS_OFF = "Documentation disabled (set DEBUG=true for /docs)";

    private final ActiveProvider activeProvider;
    private final AgentRegistry agents;
    private final ProviderCircuits circuits;
    private final AgoraSettings agora;
    private final ApiSettings api;
    private final String version;

    SystemController(ActiveProvider activeProvider, AgentRegistry agents, ProviderCircuits circuits,
            AgoraSettings agora, ApiSettings api, @Value("${support.version}") String version) {
        this.activeProvider = activeProvider;
        this.agents = agents;
        this.circuits = circuits;
        this.agora = agora;
        this.api = api;
        this.version = version;
    }

    /** @param docs where the interactive docs are, or that they are off ({@code DEBUG=false}) */
    record Welcome(String message, String version, String docs) {
    }

    /**
     * @param screenSharing {@code on}, or {@code off} while Agora is not configured: then customers are
     *     never offered screen sharing (the old backend's {@code agora_configured} says why)
     * @param providers per provider: {@code not_configured}, {@code available}, or {@code failing}
     *     (its circuit is open after repeated failures) or {@code recovering} (on trial); judged from
     *     the calls customers' messages made, so a probe never costs a paid API call
     */
    record Health(String status, String aiProvider, boolean agoraConfigured, String screenSharing,
            Map<String, String> providers) {
    }

    @GetMapping("/")
    Welcome root() {
        return new Welcome(NAME, version, api.debug() ? "/docs" : DOCS_OFF);
    }

    @GetMapping("/api/v1/health")
    Health health() {
        Map<String, String> providers = new LinkedHashMap<>();
        for (AiAgent agent : agents.agents()) {
            providers.put(agent.provider(), providerStatus(agent));
        }
        return new Health("healthy", activeProvider.current().provider(), agora.isConfigured(),
                agora.isConfigured() ? "on" : "off", providers);
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
