package dev.supportassistant.accounts;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * The desk's accounts as Spring Security signs them in: every account has {@value #AGENT}, an
 * operator also {@value #OPERATOR}. Being the application's {@link UserDetailsService}, it also
 * keeps Spring Boot from creating a default user with a generated password.
 */
@Component
class DeskUsers implements UserDetailsService {

    static final String AGENT = "ROLE_AGENT";
    static final String OPERATOR = "ROLE_OPERATOR";

    private final DeskAccounts accounts;

    DeskUsers(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String name) {
        AccountStore.Stored stored = accounts.forSignIn(name).orElseThrow(() -> new UsernameNotFoundException(
                "No such account"));
        DeskAccount account = stored.account();
        List<SimpleGrantedAuthority> authorities = account.operator()
                ? List.of(new SimpleGrantedAuthority(AGENT), new SimpleGrantedAuthority(OPERATOR))
                : List.of(new SimpleGrantedAuthority(AGENT));
        return User.withUsername(account.name()).password(stored.passwordHash()).authorities(authorities)
                .disabled(!account.enabled()).build();
    }
}
