package dev.supportassistant.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Works out the {@link Caller} of a request once, and hands it to controller methods that ask for
 * one. The admin key is accepted as {@code X-API-Key} or as a bearer token, and compared in
 * constant time; wrong keys are throttled per client ({@link AdminKeyAttempts}). Any other bearer
 * token must be a valid customer (or support-agent) token.
 */
@Component
class CallerResolver implements HandlerMethodArgumentResolver {

    private static final String ATTRIBUTE = Caller.class.getName();
    private static final String ADMIN_KEY_ATTRIBUTE = AdminKey.class.getName();
    private static final String BEARER = "Bearer ";

    private final SecuritySettings settings;
    private final CustomerTokens customerTokens;
    private final AdminKeyAttempts attempts;

    CallerResolver(SecuritySettings settings, CustomerTokens customerTokens, AdminKeyAttempts attempts) {
        this.settings = settings;
        this.customerTokens = customerTokens;
        this.attempts = attempts;
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
        AdminKey adminKey = adminKey(request);
        if (adminKey == AdminKey.THROTTLED) {
            throw throttled(request);
        }
        if (adminKey == AdminKey.VALID) {
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

    /** What the request's admin key comes to: none offered, the right one, a wrong one, or a throttled client's. */
    enum AdminKey {
        NONE, VALID, WRONG, THROTTLED
    }

    /**
     * Judges the admin key the request offers, once per request: {@code X-API-Key}, or a bearer
     * token that is not a JWT. A wrong one counts against the client (see {@link AdminKeyAttempts}).
     */
    AdminKey adminKey(HttpServletRequest request) {
        if (request.getAttribute(ADMIN_KEY_ATTRIBUTE) instanceof AdminKey known) {
            return known;
        }
        AdminKey judged = judgeAdminKey(request);
        request.setAttribute(ADMIN_KEY_ATTRIBUTE, judged);
        return judged;
    }

    private AdminKey judgeAdminKey(HttpServletRequest request) {
        String apiKey = request.getHeader("X-API-Key");
        String bearer = bearerToken(request);
        boolean valid = isAdminKey(apiKey) || isAdminKey(bearer);
        boolean offered = valid || apiKey != null || (bearer != null && !bearer.isEmpty() && !looksLikeJwt(bearer));
        if (settings.adminApiKey() == null || !offered) {
            return AdminKey.NONE;
        }
        String client = client(request);
        if (attempts.refusal(client) != null) {
            return AdminKey.THROTTLED;
        }
        if (valid) {
            return AdminKey.VALID;
        }
        attempts.failed(client);
        return AdminKey.WRONG;
    }

    /** The refusal for a client whose wrong admin keys are throttled. */
    ErrorResponseException throttled(HttpServletRequest request) {
        ErrorResponseException refusal = attempts.refusal(client(request));
        // The client's budget may have refilled since its key was judged: still refuse this request.
        return refusal != null ? refusal : AdminKeyAttempts.tooMany(1);
    }

    private String client(HttpServletRequest request) {
        return ClientAddress.key(ClientAddress.of(request, settings.trustedProxies()));
    }

    /** Three dot-separated parts: a JWT (a customer's or an agent's token), not a guess at the admin key. */
    private static boolean looksLikeJwt(String bearer) {
        return bearer.chars().filter(c -> c == '.').count() == 2;
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
