package dev.supportassistant.platform.security;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, as far as the request proves it: the features' view of Spring Security's
 * {@link Authentication}. A controller method receives it by declaring a parameter of this type
 * ({@link CallerResolver}).
 *
 * @param userId the subject of a valid customer token; absent for an anonymous caller
 * @param admin whether the request carries the admin API key
 * @param agentName the subject of a valid support agent's token, if the caller has one
 */
public record Caller(@Nullable String userId, boolean admin, @Nullable String agentName) {

    static final Caller ANONYMOUS = new Caller(null, false, null);

    /** The name the admin key acts under at the support desk. */
    public static final String ADMIN_NAME = "admin";

    /** The authorities of an operator (the admin key), an agent and a customer (named by their tokens). */
    public static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";
    public static final String AGENT_AUTHORITY = "ROLE_AGENT";
    public static final String CUSTOMER_AUTHORITY = "ROLE_CUSTOMER";

    /** The caller of the request being handled on this thread (the security filter chain has run). */
    static Caller current() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The caller an authentication proves: an operator, an agent, a customer, or nobody in particular. */
    static Caller of(@Nullable Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ANONYMOUS;
        }
        Set<String> authorities = AuthorityUtils.authorityListToSet(authentication.getAuthorities());
        if (authorities.contains(OPERATOR_AUTHORITY)) {
            return new Caller(null, true, null);
        }
        if (authorities.contains(AGENT_AUTHORITY)) {
            return new Caller(null, false, authentication.getName());
        }
        return authorities.contains(CUSTOMER_AUTHORITY) ? new Caller(authentication.getName(), false, null) : ANONYMOUS;
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(userId);
    }

    /** Support staff: an operator with the admin key or a support agent with an agent token. */
    public boolean staff() {
        return admin || agentName != null;
    }

    /** Who acts at the support desk: the agent's name, {@value #ADMIN_NAME} for the admin key, else nobody. */
    public @Nullable String staffName() {
        return agentName != null ? agentName : admin ? ADMIN_NAME : null;
    }

    /** Whether this caller may see what {@code ownerId} owns: anything unowned, their own, all for an admin. */
    public boolean mayAccess(@Nullable String ownerId) {
        return admin || ownerId == null || ownerId.equals(userId);
    }
}
