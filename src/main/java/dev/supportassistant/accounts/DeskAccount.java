package dev.supportassistant.accounts;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A support desk account as operators list it: never its password hash.
 *
 * @param name what the person signs in with, and the name they act under at the desk ("bob joined
 *     the conversation", a reply's author)
 * @param passwordChangedAt when the password was set last; a session signed in before it ends
 */
public record DeskAccount(String name, DeskRole role, boolean enabled, Instant createdAt, Instant passwordChangedAt,
        Instant updatedAt) {

    /** The longest name an account may have. */
    public static final int MAX_NAME_CHARS = 64;

    /**
     * Whether {@code name} could be an account's name (spaces around it aside), as the rules for
     * new accounts allow: what could not is a wrong name without looking it up.
     */
    public static boolean couldBeName(@Nullable String name) {
        return name != null && AccountRules.isName(name);
    }

    /**
     * Whether {@code a} and {@code b} name the same account: names are compared as the account
     * store looks them up, without the spaces around them and whatever their case.
     */
    public static boolean sameName(String a, String b) {
        return AccountStore.key(a).equals(AccountStore.key(b));
    }

    public boolean operator() {
        return role == DeskRole.OPERATOR;
    }
}
