package dev.supportassistant.platform;

import java.util.Optional;

/**
 * Who is calling, as far as the request proves it. Declare a parameter of this type in a
 * controller method to receive it.
 *
 * @param userId the subject of a valid customer token, or null for an anonymous caller
 * @param admin whether the request carries the admin API key
 */
public record Caller(String userId, boolean admin) {

    static final Caller ANONYMOUS = new Caller(null, false);

    public Optional<String> authenticatedUser() {
        return Optional.ofNullable(userId);
    }

    /**
     * Whether this caller may see a resource owned by {@code ownerId}: anything unowned, their own
     * things, and everything for an admin.
     */
    public boolean mayAccess(String ownerId) {
        return admin || ownerId == null || ownerId.equals(userId);
    }
}
