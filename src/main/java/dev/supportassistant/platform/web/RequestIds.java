package dev.supportassistant.platform.web;

import io.micrometer.context.ContextRegistry;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.context.integration.Slf4jThreadLocalAccessor;

import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * The request id every log line of a request carries (SLF4J MDC key {@code requestId}) and every response
 * returns ({@code X-Request-Id}); {@link RequestLogFilter} sets both.
 */
public final class RequestIds {

    /** The response header, and the request header whose valid value is used instead of a new id. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key: the structured (JSON) log lines show it as a field of this name. */
    public static final String MDC_KEY = "requestId";

    /** Only the id: the global registry would carry the request's observation and security context along too. */
    private static final ContextSnapshotFactory REQUEST_ID = ContextSnapshotFactory.builder()
            .contextRegistry(new ContextRegistry().registerThreadLocalAccessor(new Slf4jThreadLocalAccessor(MDC_KEY)))
            .clearMissing(true)
            .build();

    private RequestIds() {
    }

    /** For executors that run a request's work: it logs with the request's id and leaves the thread as it was. */
    public static TaskDecorator carriedOver() {
        return new ContextPropagatingTaskDecorator(REQUEST_ID);
    }
}
