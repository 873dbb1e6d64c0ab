package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/**
 * Forms whose CSRF token went stale ({@link StaleForms}): a page left open past its session, or
 * loaded before signing in again, gets a page saying what happened instead of a bare 403; a
 * script's request a 403 with a problem detail. Nothing the form asked for is done.
 */
class StaleFormsTest extends ApiTest {

    private DeskSession signedInAgent() {
        DeskSession desk = new DeskSession(port());
        desk.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);
        return desk;
    }

    private String waitingConversation() {
        return api.chat("I need a human please").json().get("conversation_id")
                .asString();
    }

    private String claimedBy(String conversation) {
        var handoff = api.asAdmin().get("/api/v1/desk/conversations/" + conversation).json().get("handoff");
        return handoff.path("claimed_by").isString() ? handoff.get("claimed_by").asString() : null;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                response.statusCode() + " without a Location: " + response.body()));
    }

    @Test
    void aSignInFormLeftOpenPastItsSessionLeadsBackToTheSignInPageSayingSo() {
        // The page's session has ended since (timed out, or the service restarted): its token is of no session.
        String token = new DeskSession(port()).csrf("/desk/sign-in");
        DeskSession browser = new DeskSession(port());

        var posted = browser.submit("/desk/sign-in", "/desk/sign-in", "name", DeskAccountsForTests.create(api, "agent"),
                "password", DeskAccountsForTests.PASSWORD, "_csrf", token);

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(location(posted)).endsWith("/desk/sign-in?expired");
        assertThat(browser.get("/desk/sign-in?expired").body())
                .contains("Your session expired; please sign in again.");
        assertThat(browser.get("/desk").statusCode()).isEqualTo(302);
    }

    @Test
    void aDeskFormLeftOpenAfterTheSessionEndedLeadsBackToTheSignInPage() {
        DeskSession desk = signedInAgent();
        String conversation = waitingConversation();
        String page = "/desk/conversations/" + conversation;
        String token = desk.csrf(page);
        assertThat(desk.post("/desk/sign-out", "_csrf", token).statusCode()).isEqualTo(302);

        var claimed = desk.submit(page, page + "/claim", "_csrf", token);

        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(location(claimed)).endsWith("/desk/sign-in?expired");
        assertThat(claimedBy(conversation)).isNull();
    }

    @Test
    void aSignedInPersonsOutOfDateFormReturnsToItsPageSayingNothingWasDone() {
        DeskSession desk = signedInAgent();
        String conversation = waitingConversation();
        String page = "/desk/conversations/" + conversation;

        var claimed = desk.submit(page, page + "/claim", "_csrf", "a token from before signing in again");

        assertThat(claimed.statusCode()).isEqualTo(303);
        assertThat(location(claimed)).endsWith(page);
        assertThat(desk.get(page).body()).contains("That page was out of date, so nothing was done");
        assertThat(claimedBy(conversation)).isNull();
    }

    @Test
    void aScriptsRequestWithoutAValidTokenIsA403WithAProblemDetail() {
        DeskSession desk = signedInAgent();

        var refused = desk.post("/desk/conversations/x/claim", "_csrf", "forged");

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"detail\":\"No valid CSRF token");
    }
}
