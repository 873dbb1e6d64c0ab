package dev.supportassistant.handoff;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.supportassistant.accounts.DeskAccount;
import dev.supportassistant.accounts.DeskAccounts;
import dev.supportassistant.platform.config.ApiSettings;
import dev.supportassistant.platform.security.SecuritySettings;

/**
 * Whether anyone could take a conversation over: someone can sign in at the desk's web pages (an
 * enabled desk account), or staff can reach the desk API (the admin key, agent tokens signed with
 * {@code SECRET_KEY}, or {@code DEBUG=true}, which opens it for development).
 *
 * <p>Why: with nothing configured there is no desk, and a conversation handed to a person would
 * wait for nobody while the AI stays silent in it. Accounts are created and disabled at run time,
 * so this is asked at each escalation, not once at start.
 */
@Component
class DeskStaffing {

    private final SecuritySettings security;
    private final ApiSettings api;
    private final DeskAccounts accounts;

    DeskStaffing(SecuritySettings security, ApiSettings api, DeskAccounts accounts) {
        this.security = security;
        this.api = api;
        this.accounts = accounts;
    }

    /** The name of the enabled desk account called {@code name} (as the account spells it), if there is one. */
    Optional<String> enabledAgent(String name) {
        return DeskAccount.couldBeName(name) ? accounts.find(name.strip()).filter(DeskAccount::enabled)
                .map(DeskAccount::name) : Optional.empty();
    }

    /** The names of every enabled desk account, to assign conversations to. */
    List<String> enabledAgents() {
        return accounts.list().stream().filter(DeskAccount::enabled).map(DeskAccount::name).sorted().toList();
    }

    boolean someoneCanTakeOver() {
        return security.staffCredentialsConfigured() || api.debug() || accounts.anyEnabled();
    }
}
