package dev.supportassistant.accounts;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Creates and manages desk accounts: operators do, with the admin key or from the console.
 * Passwords are checked against {@link AccountRules} and stored only as hashes
 * ({@code DelegatingPasswordEncoder}, BCrypt today, so the algorithm can change without resetting
 * everyone's password). Disabling an account or setting its password ends its open sessions at
 * their next request.
 */
@Service
public class DeskAccounts {

    private final AccountStore store;
    private final PasswordEncoder passwords;

    DeskAccounts(AccountStore store, PasswordEncoder passwords) {
        this.store = store;
        this.passwords = passwords;
    }

    /**
     * @param role {@code agent} (also when absent or blank) or {@code operator}
     * @throws org.springframework.web.ErrorResponseException 422 for a bad name, password or role;
     *     409 when the name is taken
     */
    public DeskAccount create(@Nullable String name, @Nullable String password, @Nullable String role) {
        String accepted = AccountRules.name(name);
        AccountRules.password(password, accepted);
        DeskRole desired = AccountRules.role(role);
        if (!store.insert(accepted, passwords.encode(password), desired, now())) {
            throw new AccountConflictException(accepted);
        }
        return require(accepted);
    }

    public List<DeskAccount> list() {
        return store.all();
    }

    /** Whether anyone can sign in at the desk's web pages. */
    public boolean anyEnabled() {
        return store.anyEnabled();
    }

    public Optional<DeskAccount> find(String name) {
        return store.find(name).map(AccountStore.Stored::account);
    }

    public DeskAccount setEnabled(String name, boolean enabled) {
        if (!store.setEnabled(name, enabled, now())) {
            throw new UnknownAccountException();
        }
        return require(name);
    }

    public DeskAccount resetPassword(String name, @Nullable String password) {
        DeskAccount account = require(name);
        AccountRules.password(password, account.name());
        store.setPassword(account.name(), passwords.encode(password), now());
        return require(name);
    }

    /** The stored account with its hash, for signing in. */
    Optional<AccountStore.Stored> forSignIn(String name) {
        return store.find(name);
    }

    private DeskAccount require(String name) {
        return find(name).orElseThrow(UnknownAccountException::new);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
