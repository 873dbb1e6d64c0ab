package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import javax.imageio.ImageIO;

import org.bytedeco.tesseract.TessBaseAPI;
import org.junit.jupiter.api.Test;

import dev.supportassistant.platform.engines.EngineBusyException;
import dev.supportassistant.platform.engines.EnginePool;
import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * Tesseract, offline, on screenshots with known text and known places (the JVM's one OCR engine,
 * shared with the API tests).
 */
class TextRecognizerTest {

    static BufferedImage fixture() throws IOException {
        try (InputStream png = TextRecognizerTest.class.getResourceAsStream("/media/payment-error.png")) {
            return ImageIO.read(png);
        }
    }

    @Test
    void readsTheTextOnAScreenshotLineByLine() {
        TextRecognizer.Reading reading = new TextRecognizer(2, Duration.ofSeconds(30)).read(ScreenshotApiTest.png());

        assertThat(reading.text()).isEqualTo("Error 502: Payment gateway timeout\nOrder #A1234 could not be saved");
        assertThat(reading.width()).isEqualTo(560);
        assertThat(reading.height()).isEqualTo(150);
    }

    @Test
    void eachWordComesWithItsBoxInTheScreenshotsPixels() {
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();

        ScreenText screen = new TextRecognizer(2, Duration.ofSeconds(30)).read(checkout.png()).screen();

        ScreenText.Word error = screen.words().stream().filter(word -> word.text().equals("Error")).findFirst()
                .orElseThrow();
        Rectangle drawn = checkout.box("Error 502: Payment gateway timeout");
        assertThat(error.box().x()).isCloseTo(drawn.x, within(2));
        assertThat(error.box().y()).isCloseTo(drawn.y, within(2));
        assertThat(error.confidence()).isBetween(50f, 100f);
        ScreenText.Line line = screen.lines().stream().filter(l -> l.text().startsWith("Error 502")).findFirst()
                .orElseThrow();
        assertThat(line.text()).isEqualTo("Error 502: Payment gateway timeout");
        assertThat(line.words()).hasSize(5).startsWith(error);
        assertThat(screen.text()).contains("Error 502: Payment gateway timeout\n");
    }

    @Test
    void theBoxesOfAnUpscaledScreenshotAreInItsOwnPixels() {
        // 560 x 150 is read at twice its size.
        ScreenText screen = new TextRecognizer(2, Duration.ofSeconds(30)).read(ScreenshotApiTest.png()).screen();

        assertThat(screen.words()).isNotEmpty().allSatisfy(word -> {
            assertThat(word.box().right()).isLessThanOrEqualTo(560);
            assertThat(word.box().bottom()).isLessThanOrEqualTo(150);
        });
        ScreenText.Box error = screen.words().get(0).box();
        ScreenText.Box order = screen.lines().get(1).box();
        assertThat(order.y()).isGreaterThan(error.bottom());
        assertThat(order.bottom()).isLessThan(150);
    }

    @Test
    void lightTextOnADarkButtonIsRead() {
        // A primary button: white on blue. Binarized as a whole, its label was a black box.
        ScreenText screen = new TextRecognizer(2, Duration.ofSeconds(30)).read(ScreenDrawings.settings().png())
                .screen();

        assertThat(screen.lines()).extracting(ScreenText.Line::text).contains("Save changes", "Discard");
    }

    @Test
    void smallScreenshotsAreUpscaledInGrayForOcr() throws IOException {
        BufferedImage gray = TextRecognizer.grayForOcr(fixture());

        assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(gray.getWidth()).isEqualTo(560 * 2);
        assertThat(TextRecognizer.grayForOcr(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB)).getWidth())
                .isEqualTo(1280);
    }

    @Test
    void onlySmallImagesAreUpscaledAndNeverPastA4kScreen() {
        assertThat(TextRecognizer.upscale(560, 150)).isEqualTo(2);
        assertThat(TextRecognizer.upscale(200, 150)).isEqualTo(4);
        assertThat(TextRecognizer.upscale(1280, 720)).isEqualTo(1);
        // Narrow but 50,000 pixels tall: twice over would be 160 million pixels of grey.
        assertThat(TextRecognizer.upscale(799, 50_000)).isEqualTo(1);
        assertThat(TextRecognizer.upscale(700, 1_400)).isEqualTo(2);
    }

    @Test
    void anImageIsDecodedOnlyOnceAnEngineIsFree() throws InterruptedException {
        EnginePool<TessBaseAPI> one = new EnginePool<>("text recognizer (OCR)", 1, Duration.ZERO, TessBaseAPI::new);
        TextRecognizer recognizer = new TextRecognizer(one);
        // A valid header over bytes that do not decode: were it decoded, the answer would be a 422.
        byte[] undecodable = java.util.Arrays.copyOf(ScreenshotApiTest.png(), 200);
        CountDownLatch lent = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> one.use(api -> {
            lent.countDown();
            try {
                release.await();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        first.start();
        lent.await();
        try {
            assertThatThrownBy(() -> recognizer.read(undecodable)).isInstanceOf(EngineBusyException.class);
        } finally {
            release.countDown();
            first.join();
        }

        assertThatThrownBy(() -> recognizer.read(undecodable)).isInstanceOf(UploadRejectedException.class)
                .hasMessageContaining("cannot be decoded");
    }
}
