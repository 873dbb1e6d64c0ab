package dev.supportassistant.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request an id, first of all filters so that every log line of the request carries
 * it: the caller's own {@code X-Request-Id} when it is short and plain (a proxy's or the frontend's
 * id, so one id follows the request across systems), else a new one. The id is returned in
 * {@code X-Request-Id}, so a customer's complaint can be matched to the log.
 *
 * <p>Logs one line per request: method, route, status and duration. The route is the matched
 * endpoint's template ({@code /api/v1/conversation/{conversationId}}), never the path itself: a
 * conversation's id is the only credential of an anonymous conversation, and the query string may
 * name a user. A request that matched no endpoint is logged as {@value #NO_ROUTE}. Scrapes and
 * probes of the management endpoints are logged at DEBUG only, since they come every few seconds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);
    /** Anything else could forge log lines or fields, or bloat every line of the request. */
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    static final String NO_ROUTE = "(no route)";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = requestId(request.getHeader(RequestIds.HEADER));
        MDC.put(RequestIds.MDC_KEY, id);
        response.setHeader(RequestIds.HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            logRequest(request, response, (System.nanoTime() - started) / 1_000_000);
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    static String requestId(@Nullable String offered) {
        return offered != null && VALID_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }

    private static void logRequest(HttpServletRequest request, HttpServletResponse response, long tookMs) {
        boolean routine = request.getRequestURI().startsWith("/actuator");
        if (routine ? !log.isDebugEnabled() : !log.isInfoEnabled()) {
            return;
        }
        String outcome = request.isAsyncStarted() ? "streaming" : String.valueOf(response.getStatus());
        String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String template
                ? template : NO_ROUTE;
        String line = "{} {} {} {} ms";
        if (routine) {
            log.debug(line, request.getMethod(), route, outcome, tookMs);
        } else {
            log.info(line, request.getMethod(), route, outcome, tookMs);
        }
    }
}
