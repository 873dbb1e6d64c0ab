package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The desk's sign-in, session cookie, CSRF protection and refusals, at the HTTP level. */
class DeskSecurityTest extends ApiTest {

    static final String PASSWORD = "correct horse battery";

    private String account(String role) {
        String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.asAdmin().post("/api/v1/desk/agents", "{\"name\": \"" + name + "\", \"password\": \""
                + PASSWORD + "\", \"role\": \"" + role + "\"}").status()).isEqualTo(201);
        return name;
    }

    @Test
    void aSignedInAgentCanClaimWithTheFormsCsrfToken() {
        DeskSession desk = new DeskSession(port());
        desk.signIn(account("agent"), PASSWORD);
        String conversation = api.post("/api/v1/chat", "{\"message\": \"I need a human please\"}").json()
                .get("conversation_id").asString();
        var page = desk.get("/desk/conversations/" + conversation);
        System.out.println(page.body());

        var claim = desk.post("/desk/conversations/" + conversation + "/claim", "_csrf",
                desk.csrf("/desk/conversations/" + conversation));

        assertThat(claim.statusCode()).as(claim.body()).isEqualTo(302);
    }
}
