package dev.supportassistant.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/desk/agents}: operators create and manage the desk's accounts with the admin key. */
class AccountApiTest extends ApiTest {

    @Autowired
    private JdbcClient jdbc;

    private static String name() {
        return "agent-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String body(String name, String password) {
        return "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}";
    }

    @Test
    void anOperatorCreatesAnAccountWhosePasswordIsStoredOnlyAsADelegatingHash() {
        String name = name();

        var created = api.asAdmin().post("/api/v1/desk/agents", body(name, "correct horse battery"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asString()).isEqualTo(name);
        assertThat(created.json().get("role").asString()).isEqualTo("agent");
        assertThat(created.json().get("enabled").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("correct horse battery").doesNotContain("password_hash");
        String hash = jdbc.sql("SELECT password_hash FROM desk_accounts WHERE name = :name").param("name", name)
                .query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("correct horse battery");
    }

    @Test
    void aShortPasswordIsA422WithADetail() {
        var refused = api.asAdmin().post("/api/v1/desk/agents", body(name(), "short"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).isEqualTo("password: at least 12 characters");
    }

    @Test
    void aNameTakenInAnyCaseIsA409() {
        String name = name();
        api.asAdmin().post("/api/v1/desk/agents", body(name, "correct horse battery"));

        var again = api.asAdmin().post("/api/v1/desk/agents", body(name.toUpperCase(), "correct horse battery"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("exists already");
    }

    @Test
    void withoutTheAdminKeyNothingIsCreatedOrListed() {
        assertThat(api.post("/api/v1/desk/agents", body(name(), "correct horse battery")).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/desk/agents").status()).isEqualTo(401);
    }

    @Test
    void accountsAreListedDisabledEnabledAndGivenNewPasswords() {
        String name = name();
        api.asAdmin().post("/api/v1/desk/agents", "{\"name\": \"" + name
                + "\", \"password\": \"correct horse battery\", \"role\": \"operator\"}");

        JsonNode listed = api.asAdmin().get("/api/v1/desk/agents").json().get("agents");
        assertThat(listed.values().stream().filter(account -> account.get("name").asString().equals(name))
                .map(account -> account.get("role").asString()).toList()).containsExactly("operator");
        assertThat(api.asAdmin().post("/api/v1/desk/agents/" + name + "/disable", null).json().get("enabled")
                .asBoolean()).isFalse();
        assertThat(api.asAdmin().post("/api/v1/desk/agents/" + name + "/enable", null).json().get("enabled")
                .asBoolean()).isTrue();
        var shortPassword = api.asAdmin().post("/api/v1/desk/agents/" + name + "/password", "{\"password\": \"x\"}");
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(api.asAdmin().post("/api/v1/desk/agents/nobody-" + name + "/disable", null).status()).isEqualTo(404);
    }
}
