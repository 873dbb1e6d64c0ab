package dev.supportassistant.platform.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.core.task.TaskDecorator;

/**
 * The request id every log line of a request carries (SLF4J MDC key {@code requestId}) and every
 * response returns ({@code X-Request-Id}). Work a request hands to another thread takes the id
 * along through {@link #carriedOver()}.
 */
public final class RequestIds {

    /** The response header, and the request header whose valid value is used instead of a new id. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key: the structured (JSON) log lines show it as a field of this name. */
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /**
     * A task decorator for executors that run a request's work: the task sees the submitting
     * thread's logging context (its request id), and leaves the worker thread as it found it.
     */
    public static TaskDecorator carriedOver() {
        return task -> {
            Map<String, String> context = MDC.getCopyOfContextMap();
            return () -> {
                Map<String, String> previous = MDC.getCopyOfContextMap();
                replaceContext(context);
                try {
                    task.run();
                } finally {
                    replaceContext(previous);
                }
            };
        };
    }

    private static void replaceContext(@Nullable Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }
}
