import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives chat requests from its own process and prints latency percentiles.
 *
 * <p>Modes (argument 1):
 * <ul>
 * <li>{@code serial URL N}: one request at a time, N requests (the overhead measurement);</li>
 * <li>{@code rate URL RPS SECONDS}: an open model, requests started at a fixed rate whatever the
 * answers do, so queueing shows in the latencies (no coordinated omission);</li>
 * <li>{@code concurrent URL CONNECTIONS REQUESTS_EACH}: a closed model, that many requests in
 * flight at once (the throughput and concurrency measurement).</li>
 * </ul>
 * URL is the service's /api/v1/chat or /api/v1/chat/stream (body {@code {"message": ...}}), or a
 * path under /v1/ taking an OpenAI chat-completions body: the upstream's /v1/chat/completions (the
 * direct baseline) or a peer gateway's (Portkey). {@code --header 'Name: value'}, anywhere and as
 * often as needed, adds a request header (Portkey's {@code x-portkey-provider} and
 * {@code x-portkey-custom-host}, an {@code Authorization}).
 */
public class LoadGenerator {

    /**
     * HTTP/1.1 as wrk speaks it. The client's default (HTTP/2) asks every new connection to upgrade
     * to h2c; Tomcat ignores that, but Portkey passes the Upgrade and Connection headers on to its
     * fetch of the upstream, which refuses them, and answers 500.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--header")) {
                String header = args[++i];
                headers.add(header.substring(0, header.indexOf(':')).trim());
                headers.add(header.substring(header.indexOf(':') + 1).trim());
            } else {
                positional.add(args[i]);
            }
        }
        args = positional.toArray(String[]::new);
        String mode = args[0];
        URI url = URI.create(args[1]);
        Requests requests = new Requests(url, url.getPath().startsWith("/v1/"), headers.toArray(String[]::new));
        Outcomes outcomes = new Outcomes();
        long started = System.nanoTime();
        switch (mode) {
            case "serial" -> {
                int n = Integer.parseInt(args[2]);
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    int status = HTTP.send(requests.next(), HttpResponse.BodyHandlers.ofString()).statusCode();
                    outcomes.record(status, t);
                }
            }
            case "rate" -> {
                int rps = Integer.parseInt(args[2]);
                int seconds = Integer.parseInt(args[3]);
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                long interval = 1_000_000_000L / rps;
                for (long i = 0; i < (long) rps * seconds; i++) {
                    long due = started + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    // Latency counts from when the request was due, not from when it was sent.
                    inFlight.add(HTTP.sendAsync(requests.next(), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                outcomes.record(failure == null ? response.statusCode() : -1, due);
                                return null;
                            }));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            }
            case "concurrent" -> {
                int connections = Integer.parseInt(args[2]);
                int each = Integer.parseInt(args[3]);
                Semaphore slots = new Semaphore(connections);
                List<CompletableFuture<?>> inFlight = new ArrayList<>();
                for (int i = 0; i < connections * each; i++) {
                    slots.acquire();
                    long t = System.nanoTime();
                    inFlight.add(HTTP.sendAsync(requests.next(), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                outcomes.record(failure == null ? response.statusCode() : -1, t);
                                slots.release();
                                return null;
                            }));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            }
            default -> throw new IllegalArgumentException("mode: serial, rate or concurrent");
        }
        outcomes.print((System.nanoTime() - started) / 1e9);
    }

    /**
     * Chat requests each with a question the service has not seen before (a new ticket number each
     * time, tagged with this run so that a warm-up run and the measured run that follows it do not
     * repeat each other), so that no cache of message embeddings flatters the figures.
     */
    private record Requests(URI url, boolean openAiShape, String[] headers) {

        private static final String RUN = Long.toString(System.currentTimeMillis() % 100_000_000, 36);
        private static final AtomicInteger SENT = new AtomicInteger();

        HttpRequest next() {
            String message = "How do I reset my password? My ticket number is " + RUN + "-" + SENT.incrementAndGet() + ".";
            String body = openAiShape
                    ? "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + message + "\"}]}"
                    : "{\"message\": \"" + message + "\"}";
            HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            return headers.length == 0 ? request.build() : request.headers(headers).build();
        }
    }

    /**
     * Latencies of answered requests (200) and, apart, of refusals (503, the service shedding load);
     * any other status or a failed connection is an error.
     */
    private static final class Outcomes {

        private final ConcurrentLinkedQueue<Long> answered = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Long> refused = new ConcurrentLinkedQueue<>();
        private final AtomicInteger errors = new AtomicInteger();

        void record(int status, long startedNanos) {
            long latency = System.nanoTime() - startedNanos;
            switch (status) {
                case 200 -> answered.add(latency);
                case 503 -> refused.add(latency);
                default -> errors.incrementAndGet();
            }
        }

        /** One line; the refusals' part only when there were any, so earlier lines keep their shape. */
        void print(double elapsed) {
            long[] sorted = answered.stream().mapToLong(Long::longValue).sorted().toArray();
            long[] refusals = refused.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("requests=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%s%n",
                    sorted.length + refusals.length + errors.get(), errors.get() + refusals.length, elapsed,
                    sorted.length / elapsed, percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                    sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
                    refusals.length == 0 ? "" : " refused=%d refused_p50=%.2fms refused_p99=%.2fms".formatted(
                            refusals.length, percentile(refusals, 50), percentile(refusals, 99)));
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
