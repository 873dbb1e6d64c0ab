package dev.supportassistant.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/**
 * The widget's script as a company's page gets it: small (under 60 KB gzipped, the Agora SDK
 * aside, which it loads only when screen sharing starts), served to any origin whatever
 * {@code CORS_ORIGINS} says (it is public code; the API calls it makes are what CORS governs), and
 * cacheable, unlike the API's answers.
 */
class WidgetScriptTest extends ApiTest {

    static final int MOST_GZIPPED_BYTES = 60 * 1024;

    @Test
    void theScriptIsUnderSixtyKilobytesGzipped() throws IOException {
        byte[] script;
        try (InputStream in = getClass().getResourceAsStream("/static/widget.js")) {
            assertThat(in).as("src/main/resources/static/widget.js").isNotNull();
            script = in.readAllBytes();
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(script);
        }

        assertThat(gzipped.size()).isLessThan(MOST_GZIPPED_BYTES);
        assertThat(new String(script, java.nio.charset.StandardCharsets.UTF_8))
                .as("the Agora SDK is loaded on demand, not bundled").doesNotContain("AgoraRTCClient");
    }

    @Test
    void anyOriginGetsTheScriptAndBrowsersMayKeepItAWhile() {
        var response = api.get("/widget.js", "Origin", "https://shop.example");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/javascript");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(response.header("Cache-Control")).isEqualTo("public, max-age=600");
        assertThat(response.header("Cross-Origin-Resource-Policy")).isEqualTo("cross-origin");
        assertThat(response.body()).contains("Chat with support");
    }

    @Test
    void theAgoraSdkItLoadsWhenSharingStartsIsServedByTheServiceToo() throws IOException {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/static/widget.js")) {
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Matcher sdk = Pattern.compile("BASE \\+ '([^']+)'").matcher(script.substring(script.indexOf("AGORA_SDK")));
        assertThat(sdk.find()).isTrue();

        var response = api.get("/" + sdk.group(1), "Origin", "https://shop.example");

        assertThat(sdk.group(1)).startsWith("desk/assets/agora/AgoraRTC_N-");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/javascript");
    }

    @Test
    void theApiItCallsStaysClosedToOriginsNotInCorsOrigins() {
        var response = api.send("OPTIONS", "/api/v1/chat/stream", null, "Origin", "https://shop.example",
                "Access-Control-Request-Method", "POST");

        assertThat(response.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/health").header("Cache-Control")).isEqualTo("no-store");
    }
}
