package dev.supportassistant.platform.web;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.Level;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request its id ({@link RequestIds}) first of all filters: the caller's own when it is short and
 * plain (one id follows the request across systems), else a new one. Logs one line per request: method, route
 * template (never the path: a conversation's id is an anonymous conversation's only credential), status and
 * duration; probes and scrapes of {@code /actuator} at DEBUG only.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLogFilter.class);
    /** Anything else could forge log lines or fields, or bloat every line of the request. */
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String offered = request.getHeader(RequestIds.HEADER);
        String id = offered != null && VALID_ID.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
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

    private static void logRequest(HttpServletRequest request, HttpServletResponse response, long tookMs) {
        Level level = request.getRequestURI().startsWith("/actuator") ? Level.DEBUG : Level.INFO;
        if (log.isEnabledForLevel(level)) {
            String outcome = request.isAsyncStarted() ? "streaming" : String.valueOf(response.getStatus());
            String route = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String
                    template ? template : "(no route)";
            log.atLevel(level).log("{} {} {} {} ms", request.getMethod(), route, outcome, tookMs);
        }
    }
}
