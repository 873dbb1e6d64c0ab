package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** What the desk's pages load besides themselves, served by the service. */
class DeskAssetsTest extends ApiTest {

    @Test
    void theDeskHasAFaviconItsPagesLinkTo() {
        DeskSession browser = new DeskSession(port());

        assertThat(browser.get("/desk/sign-in").body()).contains("rel=\"icon\"").contains("/desk/assets/favicon.svg");
        HttpResponse<String> icon = browser.get("/desk/assets/favicon.svg");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
        assertThat(icon.body()).contains("<svg");
    }
}
