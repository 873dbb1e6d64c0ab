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
 *
 * <p>Each stream is sent in two parts: up to its first text, then, after {@link #finishStreams()},
 * the rest. So while the first parts are out, every stream is open at once, as long replies are.
 */
public final class HeldUpstream implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final int together;
    private final CountDownLatch arrived;
    private final Duration hold;
    private final String contentType;
    private final byte[] firstPart;
    private final byte[] rest;
    private final CountDownLatch finish = new CountDownLatch(1);

    /**
     * @param firstText the text of the stream's first piece: its first part ends with the event
     *     (a blank line) or line that carries it
     */
    public HeldUpstream(int together, Duration hold, String contentType, String stream, String firstText)
            throws IOException {
        this.together = together;
        this.arrived = new CountDownLatch(together);
        this.hold = hold;
        this.contentType = contentType;
        int first = stream.indexOf(firstText);
        int end = stream.indexOf("\n\n", first);
        int split = end < 0 ? stream.indexOf('\n', first) + 1 : end + 2;
        this.firstPart = stream.substring(0, split).getBytes(StandardCharsets.UTF_8);
        this.rest = stream.substring(split).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), together * 2);
        server.setExecutor(handlers);
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Lets every stream send the rest of its reply. */
    public void finishStreams() {
        finish.countDown();
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
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(firstPart);
                body.flush();
                finish.await(hold.toMillis() * 2, TimeUnit.MILLISECONDS);
                body.write(rest);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        finish.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
