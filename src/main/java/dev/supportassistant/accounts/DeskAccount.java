package dev.supportassistant.accounts;

import java.time.Instant;

/**
 * A support desk account as operators list it: never its password hash.
 *
 * @param name what the person signs in with, and the name they act under at the desk ("bob joined
 *     the conversation", a reply's author)
 * @param passwordChangedAt when the password was set last; a session signed in before it ends
 */
public record DeskAccount(String name, DeskRole role, boolean enabled, Instant createdAt, Instant passwordChangedAt,
        Instant updatedAt) {

    public boolean operator() {
        return role == DeskRole.OPERATOR;
    }
}
