package dev.supportassistant.system;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.agent.ActiveProvider;
import dev.supportassistant.screenshare.AgoraSettings;

/** The API root and the health summary. */
@RestController
class SystemController {

    private final ActiveProvider activeProvider;
    private final AgoraSettings agora;
    private final String version;

    SystemController(ActiveProvider activeProvider, AgoraSettings agora, @Value("${support.version}") String version) {
        this.activeProvider = activeProvider;
        this.agora = agora;
        this.version = version;
    }

    record Welcome(String message, String version, String docs) {
    }

    record Health(String status, String aiProvider, boolean agoraConfigured) {
    }

    @GetMapping("/")
    Welcome root() {
        return new Welcome("AI Support Assistant API", version, "/docs");
    }

    @GetMapping("/api/v1/health")
    Health health() {
        return new Health("healthy", activeProvider.current().provider(), agora.isConfigured());
    }
}
