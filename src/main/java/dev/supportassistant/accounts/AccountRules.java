package dev.supportassistant.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What makes a name and a password acceptable. A name is what the agent acts under in every
 * conversation's history, so it may not pose as one of the parties the history already names
 * (the customer, the assistant, the operator's admin key). A password has at least
 * {@value #MIN_PASSWORD_CHARS} characters, and at most {@value #MAX_PASSWORD_BYTES} bytes: BCrypt
 * ignores everything after them, so a longer one would be weaker than it looks.
 */
final class AccountRules {

    static final int MIN_PASSWORD_CHARS = 12;
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MAX_NAME_CHARS = DeskAccount.MAX_NAME_CHARS;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]*");
    private static final Set<String> RESERVED = Set.of("admin", "customer", "assistant", "system", "ai");

    private AccountRules() {
    }

    /** The name as stored (stripped), or an {@link InvalidAccountException} saying what is wrong. */
    static String name(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidAccountException("name: must not be blank");
        }
        String stripped = name.strip();
        if (stripped.length() > MAX_NAME_CHARS) {
            throw new InvalidAccountException("name: at most " + MAX_NAME_CHARS + " characters");
        }
        if (!NAME.matcher(stripped).matches()) {
            throw new InvalidAccountException("name: letters, digits and . _ @ - only, starting with a letter or digit");
        }
        if (RESERVED.contains(stripped.toLowerCase(Locale.ROOT))) {
            throw new InvalidAccountException("name: '" + stripped + "' is reserved; the history uses it for "
                    + "another party");
        }
        return stripped;
    }

    /** Whether {@code name}, stripped, is a name these rules accept (reserved ones included: they name no account). */
    static boolean isName(String name) {
        String stripped = name.strip();
        return !stripped.isEmpty() && stripped.length() <= MAX_NAME_CHARS && NAME.matcher(stripped).matches();
    }

    static void password(@Nullable String password, String name) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_PASSWORD_CHARS) {
            throw new InvalidAccountException("password: at least " + MIN_PASSWORD_CHARS + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidAccountException("password: at most " + MAX_PASSWORD_BYTES + " bytes (UTF-8)");
        }
        if (password.isBlank()) {
            throw new InvalidAccountException("password: must not be only spaces");
        }
        if (password.strip().equalsIgnoreCase(name)) {
            throw new InvalidAccountException("password: must not be the account's name");
        }
    }

    static DeskRole role(@Nullable String role) {
        if (role == null || role.isBlank()) {
            return DeskRole.AGENT;
        }
        return DeskRole.fromWireName(role.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new InvalidAccountException("role: agent or operator"));
    }
}
