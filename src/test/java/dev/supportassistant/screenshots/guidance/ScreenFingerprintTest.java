package dev.supportassistant.screenshots.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import dev.supportassistant.screenshots.ScreenDrawings;

/** Telling a capture that shows nothing new from one that does, on screens drawn in the test. */
class ScreenFingerprintTest {

    private static ScreenFingerprint of(BufferedImage image) {
        return ScreenFingerprint.of(ScreenDrawings.png(image)).orElseThrow();
    }

    @Test
    void capturesDifferingInAFewPixelsAreDuplicates() {
        BufferedImage page = ScreenDrawings.checkout().image();
        BufferedImage caret = ScreenDrawings.copy(page);
        Graphics2D g = caret.createGraphics();
        g.setColor(Color.BLACK);
        g.fillRect(640, 300, 2, 16);
        g.dispose();

        assertThat(of(page).nearlyIdentical(of(caret))).isTrue();
        assertThat(of(page).nearlyIdentical(of(page))).isTrue();
    }

    @Test
    void theSameScreenSentAsJpegIsADuplicate() {
        BufferedImage page = ScreenDrawings.checkout().image();

        ScreenFingerprint jpeg = ScreenFingerprint.of(ScreenDrawings.jpeg(page, 0.7f)).orElseThrow();
        assertThat(of(page).nearlyIdentical(jpeg)).isTrue();
    }

    @Test
    void anotherPageIsNew() {
        assertThat(of(ScreenDrawings.checkout().image()).nearlyIdentical(of(ScreenDrawings.settings().image())))
                .isFalse();
    }

    @Test
    void aNewErrorLineOnTheSamePageIsNew() {
        ScreenFingerprint before = of(ScreenDrawings.checkout(1, false, "Retry payment").image());
        ScreenFingerprint after = of(ScreenDrawings.checkout(1, true, "Retry payment").image());

        assertThat(before.nearlyIdentical(after)).isFalse();
    }

    @Test
    void capturesOfAnotherSizeAreNew() {
        BufferedImage small = new BufferedImage(1280, 700, BufferedImage.TYPE_INT_RGB);

        assertThat(of(ScreenDrawings.checkout().image()).nearlyIdentical(of(small))).isFalse();
    }

    @Test
    void aFingerprintKeptAsTextIsTheSame() {
        ScreenFingerprint fingerprint = of(ScreenDrawings.checkout().image());

        assertThat(ScreenFingerprint.decoded(fingerprint.encoded())).contains(fingerprint);
        assertThat(ScreenFingerprint.decoded("not a fingerprint")).isEmpty();
        assertThat(ScreenFingerprint.of(new byte[] {1, 2, 3})).isEmpty();
    }
}
