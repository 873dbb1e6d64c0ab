package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Tesseract, offline, on a screenshot with known text (the JVM's one OCR engine, shared with the API tests). */
class TextRecognizerTest {

    static BufferedImage fixture() throws IOException {
        try (InputStream png = TextRecognizerTest.class.getResourceAsStream("/media/payment-error.png")) {
            return ImageIO.read(png);
        }
    }

    @Test
    void readsTheTextOnAScreenshotLineByLine() throws IOException {
        String text = new TextRecognizer(2, Duration.ofSeconds(30)).read(fixture());

        assertThat(text).isEqualTo("Error 502: Payment gateway timeout\nOrder #A1234 could not be saved");
    }

    @Test
    void smallScreenshotsAreUpscaledInGrayForOcr() throws IOException {
        BufferedImage gray = TextRecognizer.grayForOcr(fixture());

        assertThat(gray.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(gray.getWidth()).isEqualTo(560 * 2);
        assertThat(TextRecognizer.grayForOcr(new BufferedImage(1280, 720, BufferedImage.TYPE_INT_RGB)).getWidth())
                .isEqualTo(1280);
    }
}
