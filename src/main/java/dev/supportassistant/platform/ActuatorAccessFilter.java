package dev.supportassistant.platform;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the management endpoints ({@code /actuator}) when they share the API's port: metrics
 * and the rest need the admin key like any operator endpoint, while health and its liveness and
 * readiness groups stay open for the orchestrator's probes (they show no details). With
 * {@code MANAGEMENT_PORT} set to another port the endpoints live there, where the operator's
 * firewall guards them, and this filter has nothing to do.
 *
 * <p>A filter rather than the {@link AdminOnly} interceptor, because the endpoints are not
 * controllers of ours and Spring MVC's interceptors do not see them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class ActuatorAccessFilter extends OncePerRequestFilter {

    private final AdminKeyCheck adminKey;
    private final JsonMapper json;
    private final boolean sharesApiPort;
    private final String basePath;
    private final Set<String> probes;

    ActuatorAccessFilter(AdminKeyCheck adminKey, JsonMapper json, Environment environment,
            @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
        this.adminKey = adminKey;
        this.json = json;
        this.sharesApiPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
        this.basePath = basePath;
        this.probes = Set.of(basePath + "/health", basePath + "/health/liveness", basePath + "/health/readiness");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The servlet path is decoded and normalised, so no spelling of a path slips past the check.
        String path = path(request);
        return !sharesApiPort || !(path.equals(basePath) || path.startsWith(basePath + "/")) || probes.contains(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refusal = adminKey.refusal(request);
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        refuse(refusal.get(), response);
    }

    private void refuse(ErrorResponseException refusal, HttpServletResponse response) throws IOException {
        ProblemDetail problem = refusal.getBody();
        response.setStatus(problem.getStatus());
        refusal.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        if (problem.getType() != null) {
            body.put("type", problem.getType().toString());
        }
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
