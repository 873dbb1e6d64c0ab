package dev.supportassistant.agent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A provider that holds every request until a given number of them are open at once, then answers
 * them all with the same stream: when they all get their answer, that many calls reached it
 * together. If they do not arrive within the hold, each is answered 503 saying how many did.
 */
public final class HeldUpstream implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final int together;
    private final CountDownLatch arrived;
    private final Duration hold;
    private final String contentType;
    private final byte[] stream;

    public HeldUpstream(int together, Duration hold, String contentType, String stream) throws IOException {
        this.together = together;
        this.arrived = new CountDownLatch(together);
        this.hold = hold;
        this.contentType = contentType;
        this.stream = stream.getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), together * 2);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests still to arrive before all are answered. */
    public long missing() {
        return arrived.getCount();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            arrived.countDown();
            if (!arrived.await(hold.toMillis(), TimeUnit.MILLISECONDS)) {
                byte[] error = ("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"only "
                        + (together - arrived.getCount()) + " of " + together + " requests arrived together\"}}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(503, error.length);
                exchange.getResponseBody().write(error);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", contentType);
            exchange.sendResponseHeaders(200, stream.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(stream);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
