package dev.supportassistant.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

class SystemEndpointsTest extends ApiTest {

    @Test
    void rootNamesTheApiAndSaysTheDocsAreOffWithoutDebug() {
        var response = api.get("/");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("AI Support Assistant API");
        assertThat(response.json().get("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        // Not "/docs": it answers 404 here (StartupSettingsIT sees "/docs" with DEBUG=true).
        assertThat(response.json().get("docs").asString()).isEqualTo(SystemController.DOCS_OFF);
    }

    @Test
    void healthReportsTheProviderInUseAndScreenSharing() {
        var response = api.get("/api/v1/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("healthy");
        assertThat(response.json().get("ai_provider").asString()).isEqualTo("local");
        // The tests' settings configure Agora; without it: ScreenShareUnconfiguredIT.
        assertThat(response.json().get("agora_configured").asBoolean()).isTrue();
        assertThat(response.json().get("screen_sharing").asString()).isEqualTo("on");
    }

    @Test
    void docsAreOffWithoutDebug() {
        assertThat(api.get("/openapi.json").status()).isEqualTo(404);
        assertThat(api.get("/docs").status()).isEqualTo(404);
    }
}
