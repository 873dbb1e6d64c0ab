package dev.supportassistant.accounts;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints for desk accounts: create one, list them, disable or enable one, set a new
 * password. The password never comes back in any answer. Operators only: see
 * {@code security.AccessRules}.
 */
@RestController
@RequestMapping("/api/v1/desk/agents")
class AccountController {

    private final DeskAccounts accounts;

    AccountController(DeskAccounts accounts) {
        this.accounts = accounts;
    }

    /** A new account; {@code role} is {@code agent} (the default) or {@code operator}. */
    record NewAccount(@Nullable String name, @Nullable String password, @Nullable String role) {
    }

    record NewPassword(@Nullable String password) {
    }

    record Accounts(List<DeskAccount> agents) {
    }

    @PostMapping
    ResponseEntity<DeskAccount> create(@RequestBody NewAccount account) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(accounts.create(account.name(), account.password(), account.role()));
    }

    @GetMapping
    Accounts list() {
        return new Accounts(accounts.list());
    }

    @PostMapping("/{name}/disable")
    DeskAccount disable(@PathVariable String name) {
        return accounts.setEnabled(name, false);
    }

    @PostMapping("/{name}/enable")
    DeskAccount enable(@PathVariable String name) {
        return accounts.setEnabled(name, true);
    }

    @PostMapping("/{name}/password")
    DeskAccount resetPassword(@PathVariable String name, @RequestBody NewPassword password) {
        return accounts.resetPassword(name, password.password());
    }
}
