package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import dev.supportassistant.ApiClient;

/** Desk accounts for tests, created through the operator's API with a name no other test uses. */
final class DeskAccountsForTests {

    static final String PASSWORD = "correct horse battery";

    private DeskAccountsForTests() {
    }

    /** @param role {@code agent} or {@code operator}; the account's password is {@link #PASSWORD} */
    static String create(ApiClient api, String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.asAdmin().post("/api/v1/desk/agents",
                "{\"name\": \"" + name + "\", \"password\": \"" + PASSWORD + "\", \"role\": \"" + role + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return name;
    }
}
