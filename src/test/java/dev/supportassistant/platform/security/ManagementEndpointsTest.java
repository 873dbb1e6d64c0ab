package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.Scrape;

/**
 * The management endpoints on the API's port (no {@code MANAGEMENT_PORT}): health probes open to
 * the orchestrator, everything else only with the admin key.
 */
class ManagementEndpointsTest extends ApiTest {

    @Autowired
    private HealthEndpointGroups healthGroups;

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator",
            "/actuator/health/db", "/actuator/%70rometheus"})
    void managementEndpointsOtherThanTheProbesNeedTheAdminKey(String path) {
        var response = api.get(path);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().get("detail").asString()).contains("admin API key");
        assertThat(response.json().get("title").asString()).isEqualTo("Unauthorized");
        assertThat(response.body()).doesNotContain("null");
        assertThat(response.body()).doesNotContain("jvm_");
    }

    @Test
    void aPathNotInNormalFormIsRefusedBeforeAnyEndpointSeesIt() {
        var response = api.get("/actuator/health/../prometheus");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("malformed");
        assertThat(response.body()).doesNotContain("jvm_");
    }

    @Test
    void aWrongKeyIsRefusedToo() {
        assertThat(api.get("/actuator/prometheus", "X-API-Key", "not-the-key").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", "Authorization", "Bearer not-the-key").status()).isEqualTo(401);
    }

    @Test
    void prometheusScrapeWorksWithTheAdminKeyInEitherHeader() {
        var withApiKey = api.asAdmin().get("/actuator/prometheus");
        var withBearer = api.get("/actuator/prometheus", "Authorization", "Bearer " + ApiClient.TEST_ADMIN_KEY);

        assertThat(withApiKey.status()).isEqualTo(200);
        assertThat(withApiKey.header("Content-Type")).startsWith("text/plain");
        assertThat(withApiKey.body()).contains("# TYPE jvm_memory_used_bytes gauge");
        assertThat(withBearer.status()).isEqualTo(200);
    }

    @Test
    void theScrapeShowsHowManyRequestsWaitForTheDatabaseAndTheEmbeddingModel() {
        Scrape scrape = Scrape.of(api);

        // HikariCP's own gauge: requests waiting for a database connection (503 past the connection timeout).
        assertThat(scrape.find("hikaricp_connections_pending", Map.of())).contains(0.0);
        assertThat(scrape.find("hikaricp_connections_max", Map.of())).as("one connection on the embedded database")
                .contains(1.0);
        assertThat(scrape.find("support_embedding_waiting", Map.of())).contains(0.0);
    }

    @Test
    void requestsTheSecurityRulesRefuseAreCountedInTheRequestMetrics() {
        Map<String, String> refused = Map.of("method", "DELETE", "status", "401");
        double before = Scrape.of(api).value("http_server_requests_seconds_count", refused);

        assertThat(api.send("DELETE", "/api/v1/docs/some-document", null).status()).isEqualTo(401);

        assertThat(Scrape.of(api).value("http_server_requests_seconds_count", refused)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"})
    void healthProbesAreOpenAndUp(String path) {
        var response = api.get(path);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("UP");
        // Probes tell the orchestrator up or down, and nothing about the insides.
        assertThat(response.json().has("components")).isFalse();
    }

    @Test
    void readinessDependsOnTheDatabaseAndLivenessDoesNot() {
        assertThat(healthGroups.get("readiness").isMember("db")).isTrue();
        assertThat(healthGroups.get("readiness").isMember("readinessState")).isTrue();
        assertThat(healthGroups.get("liveness").isMember("db")).isFalse();
    }
}
