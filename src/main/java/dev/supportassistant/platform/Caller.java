package dev.supportassistant.platform;

import java.util.Optional;

/**
 * Who is calling, as far as the request proves it. Declare a parameter of this type in a
 * controller method to receive it.
 *
 * @param userId the subject of a valid customer token, or null for an anonymous caller
 * @param admin whether the request carries the admin API key
 * @param agentName the subject of a valid support-agent token (a token whose {@code role} claim is
 *     {@code agent}), or null
 */
public record Caller(String userId, boolean admin, String agentName) {

    static final Caller ANONYMOUS = new Caller(null, false, null);

    /** The name the admin key acts under at the support desk. */
    public static final String ADMIN_NAME = "admin";

    public Caller(String userId, boolean admin) {
        this(userId, admin, null);
    }

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(userId);
    }

    /** Support staff: an operator with the admin key or a support agent with an agent token. */
    public boolean staff() {
        return admin || agentName != null;
    }

    /** Who acts at the support desk: the agent's name, {@value #ADMIN_NAME} for the admin key, else null. */
    public String staffName() {
        return agentName != null ? agentName : admin ? ADMIN_NAME : null;
    }

    /**
     * Whether this caller may see a resource owned by {@code ownerId}: anything unowned, their own
     * things, and everything for an admin.
     */
    public boolean mayAccess(String ownerId) {
        return admin || ownerId == null || ownerId.equals(userId);
    }
}
