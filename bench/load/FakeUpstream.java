import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A tiny OpenAI-compatible upstream for benchmarks: POST /v1/chat/completions answers after a
 * fixed latency, as one JSON document or as a server-sent-event stream with a usage chunk, the
 * shapes OpenAI sends. Arguments: port, latency in milliseconds.
 */
public class FakeUpstream {

    private static final String REPLY = "To reset your password, open the sign-in page and choose Forgot password.";

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        long latencyMillis = Long.parseLong(args[1]);
        // Without it, headers and body leave in separate packets and Nagle's algorithm meets the
        // client's delayed ACK: every answer waits 40 ms, which would hide the service's overhead.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 4096);
        server.setExecutor(threads());
        server.createContext("/v1/chat/completions", exchange -> answer(exchange, latencyMillis));
        server.start();
        System.out.println("fake upstream on " + port + ", latency " + latencyMillis + " ms");
    }

    /** Virtual threads where the JDK has them (21+), so 2,000 waiting answers cost little. */
    private static ExecutorService threads() {
        try {
            return (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
        } catch (ReflectiveOperationException olderJdk) {
            return Executors.newCachedThreadPool();
        }
    }

    private static void answer(HttpExchange exchange, long latencyMillis) throws IOException {
        String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean stream = request.contains("\"stream\":true") || request.contains("\"stream\": true");
        try {
            if (latencyMillis > 0) {
                Thread.sleep(latencyMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stream) {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (String word : REPLY.split(" ")) {
                    out.write(("data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                            + "\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + word
                            + " \"},\"finish_reason\":null}]}\n\n").getBytes(StandardCharsets.UTF_8));
                }
                out.write(("data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"gpt-4.1-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                        + "data: {\"id\":\"chatcmpl-b\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                        + "\"model\":\"gpt-4.1-mini\",\"choices\":[],\"usage\":{\"prompt_tokens\":120,"
                        + "\"completion_tokens\":18,\"total_tokens\":138}}\n\ndata: [DONE]\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        byte[] body = ("{\"id\":\"chatcmpl-b\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-4.1-mini\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + REPLY
                + "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":18,"
                + "\"total_tokens\":138}}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
