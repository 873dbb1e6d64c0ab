package dev.supportassistant.screenshots;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/** Sizes read from the first bytes, before anything decodes the image. */
class ImageHeaderTest {

    private static byte[] encoded(String format, int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void pngAndJpegDeclareTheirSize() throws IOException {
        assertThat(ImageHeader.of(encoded("png", 1280, 720)))
                .contains(new ImageHeader(ImageHeader.Format.PNG, 1280, 720, 24));
        assertThat(ImageHeader.of(encoded("jpg", 300, 200)))
                .contains(new ImageHeader(ImageHeader.Format.JPEG, 300, 200, 24));
        assertThat(ImageHeader.of(ScreenshotApiTest.pngHeader(100_000, 100_000)).orElseThrow().pixels())
                .isEqualTo(10_000_000_000L);
    }

    @Test
    void theBytesADecodedImageTakesComeFromItsBitDepthAndColourType() {
        ImageHeader deep = ImageHeader.of(ScreenshotApiTest.blankPng(64, 64, 16, 6)).orElseThrow();
        ImageHeader bits = ImageHeader.of(ScreenshotApiTest.blankPng(799, 64, 1, 0)).orElseThrow();

        assertThat(deep.decodedBytes()).isEqualTo(64 * 64 * 8);
        // One bit a pixel, rows of whole bytes: 799 bits are 100 bytes.
        assertThat(bits.decodedBytes()).isEqualTo(64 * 100);
    }

    @Test
    void otherBytesHaveNoHeader() throws IOException {
        assertThat(ImageHeader.of("GIF89a....".getBytes())).isEmpty();
        assertThat(ImageHeader.of(Arrays.copyOf(encoded("png", 10, 10), 20))).isEmpty();
        assertThat(ImageHeader.of(ScreenshotApiTest.pngHeader(0, 10))).isEmpty();
        assertThat(ImageHeader.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})).isEmpty();
    }

    @Test
    void largeScreenshotsAreScaledForVisionModelsToAtMost1568PixelsOnTheLongSide() throws IOException {
        byte[] scaled = ConversationScreenImages.scaled(encoded("png", 2880, 1800));

        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(scaled));
        assertThat(image.getWidth()).isEqualTo(1568);
        assertThat(image.getHeight()).isEqualTo(980);
    }

    @Test
    void aLargeScreenshotIsDecodedForVisionModelsAtNoMoreThanTwiceTheSizeItIsScaledTo() throws IOException {
        assertThat(ConversationScreenImages.subsampling(2880, 1800)).isEqualTo(1);
        // An 8K screen: every second pixel of every second row, 3840 x 2160, a quarter of 133 MB.
        assertThat(ConversationScreenImages.subsampling(7680, 4320)).isEqualTo(2);
        assertThat(ConversationScreenImages.subsampling(799, 50_000)).isEqualTo(15);

        byte[] scaled = ConversationScreenImages.scaled(ScreenshotApiTest.blankPng(7680, 4320, 8, 2));
        BufferedImage image = ImageIO.read(new java.io.ByteArrayInputStream(scaled));
        assertThat(image.getWidth()).isEqualTo(1568);
        assertThat(image.getHeight()).isEqualTo(882);
    }
}
