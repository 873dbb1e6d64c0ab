package dev.supportassistant;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a server-sent event stream the way a browser's EventSource does, on a background thread,
 * and hands the test each event (and each comment line, such as heartbeats) as it arrives. Waiting
 * is always bounded: {@link #next} fails the test when nothing comes in time.
 */
public final class EventStreamClient implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final Duration MATCHING_WAIT = Duration.ofSeconds(30);

    /** One event: {@code id}, {@code event} and {@code data} lines; a comment has only {@code comment}. */
    public record Event(String id, String type, String data, String comment) {

        public JsonNode json() {
            return JSON.readTree(data);
        }
    }

    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final Stream<String> lines;
    private final int status;
    private final Thread reader;

    private EventStreamClient(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.lines = response.body();
        this.reader = new Thread(this::read, "test-sse-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Opens the stream and waits for its response headers.
     *
     * @param headers name, value, name, value...
     */
    public static EventStreamClient open(int port, String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStreamClient(HttpClient.newHttpClient().sendAsync(request.build(),
                    HttpResponse.BodyHandlers.ofLines()).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } catch (Exception e) {
            throw new IllegalStateException("The event stream did not open: " + e, e);
        }
    }

    public int status() {
        return status;
    }

    /** The next event or comment; fails when none arrives within 15 seconds. */
    public Event next() {
        try {
            Event event = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (event == null) {
                throw new AssertionError("No event within " + WAIT.toSeconds() + " s");
            }
            return event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event (comments skipped). */
    public Event nextEvent() {
        Event event = next();
        while (event.comment() != null) {
            event = next();
        }
        return event;
    }

    /**
     * Events until one matches, skipping the others; fails when none matches within 30 seconds in all
     * (heartbeats keep coming, so each event's own wait alone would not end it).
     */
    public Event nextMatching(Predicate<Event> wanted) {
        List<Event> skipped = new ArrayList<>();
        long deadline = System.nanoTime() + MATCHING_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Event event;
            try {
                event = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for an event");
            }
            if (event == null) {
                break;
            }
            if (wanted.test(event)) {
                return event;
            }
            skipped.add(event);
        }
        throw new AssertionError("No matching event within " + MATCHING_WAIT.toSeconds() + " s among " + skipped);
    }

    private void read() {
        String id = null;
        String type = null;
        StringBuilder data = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Event(id, type == null ? "message" : type, data.toString(), null));
                    }
                    id = null;
                    type = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Event(null, null, null, line.substring(1).strip()));
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    type = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    String piece = line.substring(5);
                    piece = piece.startsWith(" ") ? piece.substring(1) : piece;
                    data = data == null ? new StringBuilder(piece) : data.append('\n').append(piece);
                }
            }
        } catch (UncheckedIOException | IllegalStateException closed) {
            // the test closed the stream, or the server ended it
        }
    }

    @Override
    public void close() {
        lines.close();
    }
}
