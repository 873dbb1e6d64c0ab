package dev.supportassistant;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the HTTP tests: the shared {@link ServiceTest} context and a client pointed at it. */
@ServiceTest
public abstract class ApiTest {

    @LocalServerPort
    private int port;

    protected ApiClient api;

    /** The port the shared service listens on, e.g. for an {@link EventStreamClient}. */
    protected int port() {
        return port;
    }

    @BeforeEach
    void connectClient() {
        api = new ApiClient(port);
    }
}
