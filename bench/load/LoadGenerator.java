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
 * URL is the service's /api/v1/chat or /api/v1/chat/stream, or the upstream's
 * /v1/chat/completions (the direct baseline).
 */
public class LoadGenerator {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        URI url = URI.create(args[1]);
        String body = url.getPath().startsWith("/v1/")
                ? "{\"model\":\"gpt-4.1-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"How do I reset my password?\"}]}"
                : null;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        switch (mode) {
            case "serial" -> {
                int n = Integer.parseInt(args[2]);
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    int status = HTTP.send(request(url, body), HttpResponse.BodyHandlers.ofString()).statusCode();
                    record(status, t, latencies, errors);
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
                    inFlight.add(HTTP.sendAsync(request(url, body), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                record(failure == null ? response.statusCode() : -1, due, latencies, errors);
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
                    inFlight.add(HTTP.sendAsync(request(url, body), HttpResponse.BodyHandlers.ofString())
                            .handle((response, failure) -> {
                                record(failure == null ? response.statusCode() : -1, t, latencies, errors);
                                slots.release();
                                return null;
                            }));
                }
                CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
            }
            default -> throw new IllegalArgumentException("mode: serial, rate or concurrent");
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("requests=%d errors=%d seconds=%.1f throughput=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
                sorted.length + errors.get(), errors.get(), elapsed, sorted.length / elapsed,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    private static final AtomicInteger SENT = new AtomicInteger();

    /**
     * A chat body with a question the service has not seen before (a new ticket number each time),
     * so that no cache of message embeddings flatters the figures.
     */
    private static HttpRequest request(URI url, String body) {
        if (body == null) {
            body = "{\"message\": \"How do I reset my password? My ticket number is " + SENT.incrementAndGet() + ".\"}";
        }
        return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void record(int status, long startedNanos, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors) {
        if (status == 200) {
            latencies.add(System.nanoTime() - startedNanos);
        } else {
            errors.incrementAndGet();
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
