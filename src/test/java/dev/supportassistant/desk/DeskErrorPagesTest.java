package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/**
 * Every refusal is answered in the service's own words: a page of the desk's for a browser at the
 * desk, a problem detail for everyone else; never Spring's Whitelabel page, Boot's error JSON or a
 * made-up status.
 */
class DeskErrorPagesTest extends ApiTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static void assertDeskPage(HttpResponse<String> page, int status) {
        assertThat(page.statusCode()).isEqualTo(status);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.body()).contains("/desk/assets/desk.css").contains("Support desk")
                .doesNotContain("Whitelabel").doesNotContain("\"timestamp\"");
    }

    private static void assertProblem(int status, String contentType, String body) {
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body).contains("\"status\":" + status).contains("\"detail\":")
                .doesNotContain("\"timestamp\"").doesNotContain("Whitelabel");
    }

    @Test
    void anAgentOpeningTheConsoleGetsTheDesksPageOrAProblemDetail() {
        DeskSession agent = new DeskSession(port());
        agent.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);

        HttpResponse<String> page = agent.get("/desk/console/usage", "Accept", BROWSER);
        assertDeskPage(page, 403);
        assertThat(page.body()).contains("operator");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .isEqualTo(DeskHeaders.POLICY);

        HttpResponse<String> script = agent.get("/desk/console/usage", "Accept", "application/json");
        assertThat(script.statusCode()).isEqualTo(403);
        assertProblem(403, script.headers().firstValue("Content-Type").orElseThrow(), script.body());
    }

    @Test
    void aMalformedUploadToTheConsoleGetsTheDesksPageOrAProblemDetail() {
        DeskSession operator = new DeskSession(port());
        operator.signIn(DeskAccountsForTests.create(api, "operator"), DeskAccountsForTests.PASSWORD);
        String token = operator.csrf("/desk/console/knowledge");

        for (String accept : new String[] {BROWSER, "application/json"}) {
            // A part that never ends: no closing boundary.
            HttpResponse<String> answer = operator.postRaw("/desk/console/knowledge",
                    "multipart/form-data; boundary=edge", "--edge\r\nContent-Disposition: form-data; name=\"file\"; "
                            + "filename=\"a.md\"\r\n\r\n# Title\r\n", "X-CSRF-TOKEN", token, "Accept", accept);

            if (accept.equals(BROWSER)) {
                assertDeskPage(answer, 400);
            } else {
                assertThat(answer.statusCode()).isEqualTo(400);
                assertProblem(400, answer.headers().firstValue("Content-Type").orElseThrow(), answer.body());
            }
        }
    }

    /** A tab pasted into the Search box (a text field keeps it) is refused, on the desk's page for a browser. */
    @Test
    void aControlCharacterInADeskPagesQueryGetsTheDesksPageOrAProblemDetail() {
        DeskSession agent = new DeskSession(port());
        agent.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);

        HttpResponse<String> page = agent.get("/desk/conversations?q=invoice%0942", "Accept", BROWSER);
        assertDeskPage(page, 422);
        assertThat(page.body()).contains("q: must not contain control characters");

        HttpResponse<String> script = agent.get("/desk/conversations?q=invoice%0942", "Accept", "application/json");
        assertThat(script.statusCode()).isEqualTo(422);
        assertProblem(422, script.headers().firstValue("Content-Type").orElseThrow(), script.body());
        assertThat(script.body()).contains("q: must not contain control characters");
    }

    @Test
    void theErrorPathItselfIsNoEndpoint() {
        var response = api.get("/error");

        assertThat(response.status()).isEqualTo(404);
        assertProblem(404, response.header("Content-Type"), response.body());
    }

    @Test
    void aTraceRequestIsRefusedWithAProblemDetail() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/"))
                .method("TRACE", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(response.statusCode()).isEqualTo(405);
        assertProblem(405, response.headers().firstValue("Content-Type").orElseThrow(), response.body());
        assertThat(response.body()).contains("not allowed for /").doesNotContain("GET");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HttpClient.newBuilder().cookieHandler(new CookieManager()).build().send(request,
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
