package dev.supportassistant.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Works out the {@link Caller} of a request once, and hands it to controller methods that ask for
 * one. The admin key is accepted as {@code X-API-Key} or as a bearer token, and compared in
 * constant time; any other bearer token must be a valid customer (or support-agent) token.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Caller.class.getName();
    private static final String BEARER = "Bearer ";

    private final SecuritySettings settings;
    private final CustomerTokens customerTokens;

    CallerResolver(SecuritySettings settings, CustomerTokens customerTokens) {
        this.settings = settings;
        this.customerTokens = customerTokens;
    }

    Caller resolve(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) instanceof Caller known) {
            return known;
        }
        Caller caller = identify(request);
        request.setAttribute(ATTRIBUTE, caller);
        return caller;
    }

    private Caller identify(HttpServletRequest request) {
        if (presentsAdminKey(request)) {
            return new Caller(null, true);
        }
        String bearer = bearerToken(request);
        if (bearer != null && !bearer.isEmpty()) {
            CustomerTokens.Identity identity = customerTokens.identify(bearer);
            return identity.agent() ? new Caller(null, false, identity.subject())
                    : new Caller(identity.subject(), false);
        }
        return Caller.ANONYMOUS;
    }

    /** Whether the request carries the configured admin key (never true when none is configured). */
    boolean presentsAdminKey(HttpServletRequest request) {
        return isAdminKey(request.getHeader("X-API-Key")) || isAdminKey(bearerToken(request));
    }

    private static String bearerToken(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? authorization.substring(BEARER.length()).strip() : null;
    }

    private boolean isAdminKey(String candidate) {
        return settings.adminApiKey() != null && candidate != null && MessageDigest.isEqual(
                settings.adminApiKey().getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer container,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return resolve(webRequest.getNativeRequest(HttpServletRequest.class));
    }
}
