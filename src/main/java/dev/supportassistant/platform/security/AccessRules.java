package dev.supportassistant.platform.security;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

import dev.supportassistant.platform.config.ApiSettings;

/**
 * Which endpoints are whose (docs/security.md). Operator endpoints need {@code ADMIN_API_KEY}; desk
 * endpoints staff (the key or a support agent's token): customers get 403 there, anonymous callers
 * 401. Without the keys their endpoints are off (403 saying what to set) unless {@code DEBUG=true}.
 * Everything else is the customers' API, open to anyone; features check who may see what ({@link Caller}).
 */
@Component
class AccessRules {

    private static final String KEY_HOW = "'Authorization: Bearer <key>' or 'X-API-Key: <key>'";
    private static final String STAFF_HOW = "send ADMIN_API_KEY as " + KEY_HOW + ", or a support agent's token "
            + "(a JWT signed with SECRET_KEY whose role claim is agent) as 'Authorization: Bearer <token>'";

    private final SecuritySettings security;
    private final boolean debug;
    private final boolean actuatorSharesApiPort;
    private final String actuatorBasePath;
    private final Set<String> probes;

    AccessRules(SecuritySettings security, ApiSettings api, Environment environment,
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        this.security = security;
        this.debug = api.debug();
        // On a port of their own the operator's firewall guards them, and their requests pass here too.
        this.actuatorSharesApiPort = ManagementPortType.get(environment) == ManagementPortType.SAME;
        this.actuatorBasePath = actuatorBasePath;
        this.probes = Set.of(actuatorBasePath + "/health", actuatorBasePath + "/health/liveness",
                actuatorBasePath + "/health/readiness");
    }

    RequestMatcher operatorEndpoints() {
        return new OrRequestMatcher(pathPattern("/api/v1/docs/**"), pathPattern("/api/v1/knowledge/**"),
                pathPattern("/api/v1/stats/**"), pathPattern("/api/v1/experiments/**"),
                pathPattern(HttpMethod.POST, "/api/v1/agent/switch"), pathPattern("/api/v1/desk/agents/**"),
                pathPattern("/api/v1/customers/**"),
                // The desk lists saved replies; operators write them.
                pathPattern(HttpMethod.POST, "/api/v1/desk/saved-replies/**"),
                pathPattern(HttpMethod.PUT, "/api/v1/desk/saved-replies/**"),
                pathPattern(HttpMethod.DELETE, "/api/v1/desk/saved-replies/**"),
                this::isGuardedActuatorRequest);
    }

    RequestMatcher deskEndpoints() {
        return pathPattern("/api/v1/desk/**");
    }

    /** The management endpoints' paths, whatever port they are on (they have no CORS rules). */
    boolean isActuatorRequest(HttpServletRequest request) {
        String path = path(request);
        return path.equals(actuatorBasePath) || path.startsWith(actuatorBasePath + "/");
    }

    private boolean isGuardedActuatorRequest(HttpServletRequest request) {
        // The servlet path is decoded and normalised, so no spelling of a path slips past the check.
        return actuatorSharesApiPort && isActuatorRequest(request) && !probes.contains(path(request));
    }

    AuthorizationResult operatorDecision(Supplier<? extends Authentication> authentication) {
        if (security.adminApiKey() == null) {
            return debug ? new AuthorizationDecision(true) : Refusal.forbidden(
                    "Operator endpoints are disabled: set ADMIN_API_KEY and send it as " + KEY_HOW);
        }
        return Caller.of(authentication.get()).admin() ? new AuthorizationDecision(true)
                : Refusal.unauthorized("This operator endpoint needs the admin API key as " + KEY_HOW);
    }

    AuthorizationResult staffDecision(Supplier<? extends Authentication> authentication) {
        if (!security.staffCredentialsConfigured()) {
            return debug ? new AuthorizationDecision(true) : Refusal.forbidden(
                    "Support desk endpoints are disabled: set ADMIN_API_KEY or SECRET_KEY, then " + STAFF_HOW);
        }
        Caller caller = Caller.of(authentication.get());
        if (caller.staff()) {
            return new AuthorizationDecision(true);
        }
        return caller.authenticatedUser().isPresent()
                ? Refusal.forbidden("This support desk endpoint is for support staff, not customers")
                : Refusal.unauthorized("This support desk endpoint needs staff credentials: " + STAFF_HOW);
    }

    private static String path(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    }
}
