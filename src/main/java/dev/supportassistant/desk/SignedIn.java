package dev.supportassistant.desk;

import org.springframework.security.core.Authentication;

import dev.supportassistant.accounts.DeskAccount;

/**
 * Who is signed in to the desk (and its console): the name they act under (the conversation's holder, a reply's
 * author) and whether they are an operator.
 */
public record SignedIn(String name, boolean operator) {

    public static SignedIn of(Authentication authentication) {
        return new SignedIn(authentication.getName(), authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority())));
    }

    /**
     * Whether {@code account} names this person's own account, compared as the account store
     * compares names ({@code " OLGA"} is olga's account too).
     */
    public boolean isOwn(String account) {
        return DeskAccount.sameName(name, account);
    }
}
