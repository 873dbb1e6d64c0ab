package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/v1/screenshots} as the original frontend sends it during screen sharing, with
 * our {@code conversation_id}, and who may fetch the stored image back.
 */
class ScreenshotApiTest extends ApiTest {

    private static final String EXPECTED_TEXT = "Error 502: Payment gateway timeout\nOrder #A1234 could not be saved";

    @Autowired
    private JdbcClient jdbc;

    static byte[] png() {
        try (InputStream in = ScreenshotApiTest.class.getResourceAsStream("/media/payment-error.png")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ApiClient.Response share(ApiClient client, byte[] image, String... fields) {
        return client.upload("/api/v1/screenshots", "file", "screenshot-1732700000000.png", "image/png", image, fields);
    }

    private String conversationOf(ApiClient client) {
        return client.chat("The checkout page shows an error").json()
                .get("conversation_id").asString();
    }

    @Test
    void aScreenshotIsReadAndServedBackUnderAnUnguessableName() {
        var response = share(api, png());

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("ocr_text").asString()).isEqualTo(EXPECTED_TEXT);
        assertThat(body.get("url").asString()).matches("/uploads/[A-Za-z0-9_-]{43}\\.png");
        var image = api.binary("GET", body.get("url").asString(), null);
        assertThat(image.status()).isEqualTo(200);
        assertThat(image.header("Content-Type")).isEqualTo("image/png");
        assertThat(image.header("Cache-Control")).contains("no-store");
        assertThat(image.body()).isEqualTo(png());
    }

    @Test
    void aScreenshotSharedInAConversationIsInItsHistoryWithItsText() {
        ApiClient alice = api.withBearer(CustomerTokensForTests.tokenFor("alice"));
        String conversation = conversationOf(alice);

        var response = share(alice, png(), "conversation_id", conversation);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("conversation_id").asString()).isEqualTo(conversation);
        JsonNode messages = alice.get("/api/v1/conversation/" + conversation).json().get("messages");
        // The screenshot's note, then what the assistant noticed on it (the payment error, ScreenWatch).
        JsonNode last = messages.get(messages.size() - 2);
        assertThat(messages.get(messages.size() - 1).get("metadata").get("screen_error").asString())
                .isEqualTo("Error 502: Payment gateway timeout");
        assertThat(last.get("role").asString()).isEqualTo("system");
        // The text read is the customer's content: in the metadata, not in the note's own words.
        assertThat(last.get("content").asString()).isEqualTo("The customer shared a screenshot.");
        assertThat(last.get("metadata").get("screenshot").get("url").asString())
                .isEqualTo(response.json().get("url").asString());
        assertThat(last.get("metadata").get("screenshot").get("ocr_text").asString()).isEqualTo(EXPECTED_TEXT);
    }

    @Test
    void onlyTheOwnerStaffAndOperatorsSeeAStoredScreenshot() {
        ApiClient alice = api.withBearer(CustomerTokensForTests.tokenFor("alice"));
        String conversation = conversationOf(alice);
        String url = share(alice, png(), "conversation_id", conversation).json().get("url").asString();

        assertThat(alice.binary("GET", url, null).status()).isEqualTo(200);
        assertThat(api.asAdmin().binary("GET", url, null).status()).isEqualTo(200);
        assertThat(api.withBearer(CustomerTokensForTests.agentToken("sam")).binary("GET", url, null).status())
                .isEqualTo(200);
        var bob = api.withBearer(CustomerTokensForTests.tokenFor("bob")).get(url);
        assertThat(bob.status()).isEqualTo(404);
        assertThat(bob.json().get("detail").asString()).isEqualTo("Screenshot not found");
        assertThat(api.get(url).status()).isEqualTo(404);
        assertThat(api.get(url.replace(".png", "x.png")).status()).isEqualTo(404);
        // Nor may bob attach a screenshot to alice's conversation.
        var attach = share(api.withBearer(CustomerTokensForTests.tokenFor("bob")), png(), "conversation_id", conversation);
        assertThat(attach.status()).isEqualTo(404);
        assertThat(attach.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void deletingTheConversationDeletesItsScreenshots() {
        ApiClient alice = api.withBearer(CustomerTokensForTests.tokenFor("alice"));
        String conversation = conversationOf(alice);
        String url = share(alice, png(), "conversation_id", conversation).json().get("url").asString();

        assertThat(alice.send("DELETE", "/api/v1/conversation/" + conversation, null).status()).isEqualTo(204);

        assertThat(api.asAdmin().get(url).status()).isEqualTo(404);
    }

    @Test
    void screenshotsOlderThanTheRetentionAreGone() {
        String url = share(api, png()).json().get("url").asString();
        String name = url.substring("/uploads/".length(), url.length() - ".png".length());

        jdbc.sql("UPDATE screenshots SET created_at = created_at - INTERVAL '31' DAY WHERE name = :name")
                .param("name", name).update();

        assertThat(api.asAdmin().get(url).status()).isEqualTo(404);
        share(api, png());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screenshots WHERE name = :name").param("name", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void badUploadsGetAClearFourHundredNeverAFiveHundred() {
        byte[] text = "<html>not an image</html>".getBytes();
        byte[] broken = Arrays.copyOf(png(), 200);
        byte[] huge = pngHeader(100_000, 100_000);

        assertRejected(share(api, null), 400, "required");
        assertRejected(share(api, new byte[0]), 400, "required");
        assertRejected(share(api, text), 415, "not a PNG or JPEG");
        assertRejected(share(api, huge), 413, "100000 x 100000");
        assertRejected(share(api, broken), 422, "cannot be decoded");
        assertRejected(share(api, png(), "conversation_id", "no-such-conversation"), 404, "Conversation not found");
        assertRejected(share(api, new byte[12 * 1024 * 1024 + 1]), 413, "");
    }

    @Test
    void anImageOfFewButDeepPixelsIsRefusedBeforeItIsDecoded() {
        // 16-bit RGBA, 6324 x 6324: under SCREENSHOT_MAX_PIXELS, but 320 MB decoded from a file of about 300 KB.
        byte[] deep = blankPng(6324, 6324, 16, 6);

        assertThat(deep.length).isLessThan(400_000);
        assertRejected(share(api, deep), 413, "to decode");
    }

    private static void assertRejected(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).contains(detail);
        if (status != 413 || !detail.isEmpty()) {
            assertThat(response.json().get("success").asBoolean()).isFalse();
            assertThat(response.json().get("error").asString()).isEqualTo(response.json().get("detail").asString());
        }
    }

    /**
     * A whole, valid PNG of zeros (black, or transparent) with this bit depth and colour type, made
     * row by row through a {@link Deflater}: a small file that decodes to a large image, without the
     * test holding either.
     */
    static byte[] blankPng(int width, int height, int bitDepth, int colourType) {
        int channels = switch (colourType) {
            case 2 -> 3;
            case 4 -> 2;
            case 6 -> 4;
            default -> 1;
        };
        byte[] row = new byte[1 + (int) (((long) width * channels * bitDepth + 7) / 8)];
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        for (int y = 0; y < height; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colourType).put(new byte[3]).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(java.io.ByteArrayOutputStream png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(type.getBytes());
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(type.getBytes());
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A PNG signature and header declaring these dimensions, and nothing after: never decoded. */
    static byte[] pngHeader(int width, int height) {
        ByteBuffer png = ByteBuffer.allocate(33);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        png.putInt(width).putInt(height).put(new byte[] {8, 2, 0, 0, 0, 0, 0, 0, 0});
        return png.array();
    }
}
