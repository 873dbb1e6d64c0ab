package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.EventStreamClient;

/**
 * The desk's sign-in, session cookie, CSRF protection and refusals at the HTTP level, and that
 * the desk's session chain sees only the desk's paths: the API authenticates as it does without it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeskSecurityTest extends ApiTest {

    static final String PASSWORD = DeskAccountsForTests.PASSWORD;

    @Autowired
    private FilterChainProxy springSecurity;
    @Autowired
    private List<UserDetailsService> userDetailsServices;

    private String account(String role) {
        return DeskAccountsForTests.create(api, role);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("DESK_SESSION="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    @Test
    void pagesDataAndStreamsAreRefusedWithoutASession() {
        DeskSession stranger = new DeskSession(port());
        for (String path : new String[] {"/desk", "/desk/queue", "/desk/events", "/desk/conversations/x",
                "/desk/conversations/x/live", "/desk/conversations/x/events", "/desk/conversations/live",
                "/desk/screenshots/x.png", "/desk/console", "/desk/console/usage", "/desk/console/accounts"}) {
            var response = stranger.get(path);

            assertThat(response.statusCode()).as(path).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/desk/sign-in");
        }
        assertThat(stranger.post("/desk/conversations/x/claim").statusCode()).isEqualTo(403);
    }

    @Test
    void theSessionCookieIsHttpOnlySameSiteLaxAndLimitedToTheDesk() {
        HttpResponse<String> signedIn = new DeskSession(port()).signIn(account("agent"), PASSWORD);

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/desk");
        assertThat(cookie(signedIn)).contains("; Path=/desk").contains("; HttpOnly").contains("; SameSite=Lax")
                .doesNotContain("Secure");
    }

    @Test
    void theSessionCookieIsSecureBehindATrustedTlsProxy() {
        // The tests' client is 127.0.0.1, one of TRUSTED_PROXIES in the test settings.
        var page = new DeskSession(port()).get("/desk/sign-in", "X-Forwarded-Proto", "https");

        assertThat(cookie(page)).contains("; Secure").contains("; HttpOnly");
    }

    @Test
    void everyFormNeedsItsCsrfToken() {
        String agent = account("agent");
        DeskSession desk = new DeskSession(port());
        assertThat(desk.post("/desk/sign-in", "name", agent, "password", PASSWORD).statusCode()).isEqualTo(403);
        desk.signIn(agent, PASSWORD);
        String conversation = api.chat("I need a human please").json()
                .get("conversation_id").asString();

        assertThat(desk.post("/desk/conversations/" + conversation + "/claim").statusCode()).isEqualTo(403);
        assertThat(desk.post("/desk/conversations/" + conversation + "/claim", "_csrf", "forged").statusCode())
                .isEqualTo(403);
        var claimed = desk.post("/desk/conversations/" + conversation + "/claim", "_csrf",
                desk.csrf("/desk/conversations/" + conversation));

        assertThat(claimed.statusCode()).isEqualTo(302);
        assertThat(api.asAdmin().get("/api/v1/desk/conversations/" + conversation).json().get("handoff")
                .get("claimed_by").asString()).isEqualTo(agent);
    }

    @Test
    void failedSignInsAreThrottledPerName() {
        String agent = account("agent");
        DeskSession guesser = new DeskSession(port());
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            var wrong = guesser.signIn(agent, "wrong password " + i);
            assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/desk/sign-in?error");
        }

        var refused = guesser.signIn(agent, PASSWORD);

        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/desk/sign-in?throttled=");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(new DeskSession(port()).get("/desk").statusCode()).isEqualTo(302);
    }

    @Test
    void wrongPasswordsSentAllAtOnceGetNoMorePasswordChecksThanTheLimit() throws Exception {
        String agent = account("agent");
        int guesses = 60;
        List<DeskSession> sessions = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            DeskSession session = new DeskSession(port());
            sessions.add(session);
            tokens.add(session.csrf("/desk/sign-in"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        ExecutorService guessers = Executors.newFixedThreadPool(guesses);
        try {
            for (int i = 0; i < guesses; i++) {
                DeskSession session = sessions.get(i);
                String token = tokens.get(i);
                String guess = "wrong password " + i;
                answers.add(guessers.submit(() -> {
                    start.await();
                    return session.postWith(new String[] {"X-Forwarded-For", "198.51.100.60"}, "/desk/sign-in",
                            "name", agent, "password", guess, "_csrf", token);
                }));
            }
            start.countDown();
            int checked = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                String location = answer.get().headers().firstValue("Location").orElseThrow();
                assertThat(location).containsAnyOf("/desk/sign-in?error", "/desk/sign-in?throttled=");
                checked += location.endsWith("?error") ? 1 : 0;
            }

            // Each "wrong name or password" answer is a password that was checked.
            assertThat(checked).isBetween(1, SignInAttempts.PER_NAME);
        } finally {
            guessers.shutdownNow();
        }
    }

    @Test
    void wrongPasswordsFromOneAddressDoNotLockTheAccountForAnother() {
        String agent = account("agent");
        DeskSession stranger = new DeskSession(port());
        for (int i = 0; i < SignInAttempts.PER_NAME; i++) {
            assertThat(stranger.signInFrom("198.51.100.61", agent, "wrong password " + i).headers()
                    .firstValue("Location").orElseThrow()).endsWith("/desk/sign-in?error");
        }
        assertThat(stranger.signInFrom("198.51.100.61", agent, PASSWORD).headers().firstValue("Location")
                .orElseThrow()).contains("/desk/sign-in?throttled=");

        var owner = new DeskSession(port()).signInFrom("198.51.100.62", agent, PASSWORD);

        assertThat(owner.headers().firstValue("Location").orElseThrow()).endsWith("/desk");
    }

    @Test
    void aSignInFormOverTheRequestSizeLimitIsRefusedBeforeItIsRead() {
        DeskSession desk = new DeskSession(port());
        String token = desk.csrf("/desk/sign-in");

        // Over MAX_REQUEST_BYTES (1 MiB) and under the 2 MB Tomcat parses forms up to by default.
        var refused = desk.postWith(new String[] {"X-Forwarded-For", "198.51.100.63"}, "/desk/sign-in",
                "name", "n".repeat(1_500_000), "password", "whatever it is", "_csrf", token);

        assertThat(refused.statusCode()).isEqualTo(413);
    }

    @Test
    void signInsAreLoggedAsSuchWithTheNameButNeverThePassword(CapturedOutput output) {
        String agent = account("agent");

        new DeskSession(port()).signInFrom("198.51.100.64", agent, "tangerine wrong guess");
        new DeskSession(port()).signInFrom("198.51.100.64", agent, PASSWORD);

        assertThat(output.getOut()).contains("POST /desk/sign-in 302")
                .containsPattern("sign-in as '" + agent + "' failed")
                .containsPattern("sign-in as '" + agent + "' succeeded")
                .doesNotContain("tangerine").doesNotContain(PASSWORD)
                // A sign-in ends in a redirect; another test's request logged late (a 413) is not one.
                .doesNotContainPattern("POST \\(no route\\) 302");
    }

    @Test
    void signingOutOfAPageWithLiveUpdatesLogsNoError(CapturedOutput output) {
        DeskSession desk = new DeskSession(port());
        String session = cookie(desk.signIn(account("agent"), PASSWORD)).split(";")[0];
        EventStreamClient live = EventStreamClient.open(port(), "/desk/events", "Cookie", session);
        assertThat(live.next().comment()).isEqualTo("connected");

        desk.submit("/desk", "/desk/sign-out", "_csrf", desk.csrf("/desk"));
        live.close();

        // The stream's next heartbeats find the browser gone and end the stream; another stream's
        // heartbeats say when they have been sent.
        try (EventStreamClient other = EventStreamClient.open(port(), "/api/v1/desk/events", "X-API-Key",
                ApiClient.TEST_ADMIN_KEY)) {
            for (int heartbeats = 0; heartbeats < 5;) {
                heartbeats += "heartbeat".equals(other.next().comment()) ? 1 : 0;
            }
        }
        assertThat(output.getOut()).doesNotContain(" ERROR ").doesNotContain("AuthorizationDeniedException");
    }

    @Test
    void disablingAnAccountEndsItsOpenSession() {
        String agent = account("agent");
        DeskSession desk = new DeskSession(port());
        desk.signIn(agent, PASSWORD);
        assertThat(desk.get("/desk").statusCode()).isEqualTo(200);

        api.asAdmin().post("/api/v1/desk/agents/" + agent + "/disable", null);

        var after = desk.get("/desk");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/desk/sign-in?ended");
        assertThat(new DeskSession(port()).signIn(agent, PASSWORD).headers().firstValue("Location").orElseThrow())
                .endsWith("?error");
    }

    @Test
    void settingANewPasswordEndsOpenSessionsAndTheNewOneSignsIn() {
        String agent = account("agent");
        DeskSession desk = new DeskSession(port());
        desk.signIn(agent, PASSWORD);

        var reset = api.asAdmin().post("/api/v1/desk/agents/" + agent + "/password",
                "{\"password\": \"a brand new passphrase\"}");

        assertThat(reset.status()).isEqualTo(200);
        assertThat(desk.get("/desk").headers().firstValue("Location").orElseThrow()).endsWith("?ended");
        assertThat(new DeskSession(port()).signIn(agent, "a brand new passphrase").headers().firstValue("Location")
                .orElseThrow()).endsWith("/desk");
    }

    @Test
    void anAgentCannotOpenTheOperatorsConsole() {
        DeskSession desk = new DeskSession(port());
        desk.signIn(account("agent"), PASSWORD);

        assertThat(desk.get("/desk/console").statusCode()).isEqualTo(403);
        assertThat(desk.get("/desk/console/accounts").statusCode()).isEqualTo(403);
    }

    @Test
    void springSecurityAddsNoDefaultUserAndNoChainOverTheApi() {
        assertThat(userDetailsServices).noneMatch(InMemoryUserDetailsManager.class::isInstance);
        for (String path : new String[] {"/api/v1/chat", "/api/v1/desk/conversations", "/actuator/health", "/"}) {
            MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
            request.setServletPath(path);
            SecurityFilterChain first = springSecurity.getFilterChains().stream()
                    .filter(chain -> chain.matches(request)).findFirst().orElseThrow();
            assertThat(first.getFilters()).as(path).noneMatch(DeskHeaders.class::isInstance);
        }
        // The API still answers to its own credentials, not to the desk's session.
        assertThat(api.get("/api/v1/desk/conversations").status()).isEqualTo(401);
        assertThat(api.asAdmin().get("/api/v1/desk/conversations").status()).isEqualTo(200);
    }
}
