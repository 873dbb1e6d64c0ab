import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Crash consistency: concurrent customers chat with the service, the JVM is killed with SIGKILL
 * mid-run, the service restarts on the same database, and every message that was acknowledged
 * with 200 must be in its conversation, in order, followed by its answer.
 *
 * <p>Run with {@code bench/crash/run.sh}; needs only a JDK (single-file source launch).
 * Arguments: jar, customers, seconds before the kill, rounds.
 */
public class CrashConsistency {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern CONVERSATION_ID = Pattern.compile("\"conversation_id\":\"([^\"]+)\"");
    private static final Pattern USER_CONTENT = Pattern.compile(
            "\"role\":\"user\",\"content\":\"(customer \\d+ message (\\d+)[^\"]*)\"");

    /** What one customer was told: their conversation and the message numbers acknowledged with 200. */
    static final class Customer {
        final int number;
        volatile String conversationId;
        final List<Integer> acknowledged = Collections.synchronizedList(new ArrayList<>());

        Customer(int number) {
            this.number = number;
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/support-assistant.jar");
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int secondsBeforeKill = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        System.out.printf("JDK %s, %d cores; %d customers, kill after %d s, %d rounds%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), customers, secondsBeforeKill, rounds);
        int totalAcknowledged = 0, totalMissing = 0, totalOutOfOrder = 0, totalUnansweredExtra = 0;
        for (int round = 1; round <= rounds; round++) {
            Path data = Files.createTempDirectory("crash-consistency");
            int port = freePort();
            Process service = start(jar, data, port);
            List<Customer> all = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                Customer customer = new Customer(i);
                all.add(customer);
                Thread thread = new Thread(() -> chatUntilStopped(port, customer, running));
                thread.start();
                threads.add(thread);
            }
            Thread.sleep(secondsBeforeKill * 1000L);
            service.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
            service.waitFor();
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }

            Process restarted = start(jar, data, port);
            int acknowledged = 0, missing = 0, outOfOrder = 0, unansweredExtra = 0;
            for (Customer customer : all) {
                if (customer.conversationId == null) {
                    continue;
                }
                String body = get(port, "/api/v1/conversation/" + customer.conversationId);
                List<Integer> stored = new ArrayList<>();
                Matcher matcher = USER_CONTENT.matcher(body);
                while (matcher.find()) {
                    stored.add(Integer.parseInt(matcher.group(2)));
                }
                acknowledged += customer.acknowledged.size();
                for (int message : customer.acknowledged) {
                    if (!stored.contains(message)) {
                        missing++;
                    }
                }
                for (int i = 1; i < stored.size(); i++) {
                    if (stored.get(i) <= stored.get(i - 1)) {
                        outOfOrder++;
                    }
                }
                // Stored but never acknowledged: the request in flight at the kill (allowed, at most one).
                unansweredExtra += (int) stored.stream().filter(m -> !customer.acknowledged.contains(m)).count();
            }
            restarted.destroy();
            restarted.waitFor();
            System.out.printf("round %d: acknowledged %d, missing after restart %d, out of order %d, "
                    + "stored but unacknowledged (in flight at the kill) %d%n",
                    round, acknowledged, missing, outOfOrder, unansweredExtra);
            totalAcknowledged += acknowledged;
            totalMissing += missing;
            totalOutOfOrder += outOfOrder;
            totalUnansweredExtra += unansweredExtra;
        }
        System.out.printf("TOTAL: acknowledged %d, missing %d, out of order %d, in flight at the kill %d%n",
                totalAcknowledged, totalMissing, totalOutOfOrder, totalUnansweredExtra);
        System.exit(totalMissing == 0 && totalOutOfOrder == 0 ? 0 : 1);
    }

    private static void chatUntilStopped(int port, Customer customer, AtomicBoolean running) {
        for (int message = 1; running.get(); message++) {
            String conversation = customer.conversationId == null ? "null" : "\"" + customer.conversationId + "\"";
            String body = "{\"message\": \"customer " + customer.number + " message " + message
                    + " how do I reset my password\", \"conversation_id\": " + conversation + "}";
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(url(port, "/api/v1/chat"))
                        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    Matcher id = CONVERSATION_ID.matcher(response.body());
                    if (id.find()) {
                        customer.conversationId = id.group(1);
                    }
                    customer.acknowledged.add(message);
                }
            } catch (IOException | InterruptedException killed) {
                return;
            }
        }
    }

    private static Process start(Path jar, Path data, int port) throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--API_PORT=" + port, "--API_HOST=127.0.0.1",
                "--RATE_LIMIT_CHAT_PER_MINUTE=0", "--DEFAULT_AI_PROVIDER=local")
                // The default database, ./data under the working directory, exactly as a user runs it.
                .directory(data.toFile())
                .redirectErrorStream(true).redirectOutput(data.resolve("service.log").toFile()).start();
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                if (get(port, "/api/v1/health").contains("healthy")) {
                    return process;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("service did not start; see " + data.resolve("service.log"));
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(url(port, path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI url(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
