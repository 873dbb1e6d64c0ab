package dev.supportassistant.screenshare;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.supportassistant.ApiClient;

/**
 * Base of the HTTP tests that need Agora configured: the whole service as in
 * {@link dev.supportassistant.ServiceTest}, plus Agora's published sample credentials. Every
 * subclass shares this one extra context; keep Agora-configured HTTP tests here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "support.agora.app-id=" + AgoraTokens.SAMPLE_APP_ID,
        "support.agora.app-certificate=" + AgoraTokens.SAMPLE_CERTIFICATE })
public abstract class AgoraConfiguredTest {

    @LocalServerPort
    private int port;

    protected ApiClient api;

    @BeforeEach
    void connectClient() {
        api = new ApiClient(port);
    }
}
