package dev.supportassistant.chat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses new chats while the service is overloaded ({@link OverloadDetector}) before their body is read,
 * 503 with {@code Retry-After}, so that refusals cost little: after Spring Security (its headers and CORS),
 * before parsing and routing (bench/RESULTS.md, "Overload: refusals before the body is read").
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4) // after Spring Security (application.yml) and RequestSizeFilter
class OverloadFilter extends OncePerRequestFilter {

    /** The paths that start a turn: {@link ChatController}'s. */
    static final Set<String> CHATS = Set.of("/api/v1/chat", "/api/v1/chat/stream");

    private final OverloadDetector overload;
    private final JsonMapper json;

    OverloadFilter(OverloadDetector overload, JsonMapper json) {
        this.overload = overload;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !CHATS.contains(request.getServletPath());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!overload.overloaded()) {
            chain.doFilter(request, response);
            return;
        }
        // The request log and metrics name a request by its route, which no handler mapping set here.
        String route = request.getServletPath();
        request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, route);
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(route));
        ChatRefusal refusal = ChatRefusal.overloaded();
        ProblemDetail problem = refusal.getBody();
        response.setStatus(problem.getStatus());
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        body.put("status", problem.getStatus());
        body.put("title", problem.getTitle());
        json.writeValue(response.getOutputStream(), body);
    }
}
