package dev.supportassistant.screenshots.guidance;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A perceptual hash of a capture of the customer's screen, to tell cheaply, before any OCR, a
 * capture that shows nothing new (the same screen, re-encoded, the caret blinking, the clock's
 * minute) from one that does (another page, a dialog, a new error line). It is the mean brightness
 * of each cell of a 64 x 36 grid, the average-hash family's way, kept as levels rather than one bit
 * each; two captures are nearly identical when they have the same size and at most
 * {@link #MAX_CHANGED_CELLS} cells' brightness moved by more than {@link #LEVEL_TOLERANCE}.
 *
 * <p>Ours, not a library's: JImageHash (on Maven Central, last released in 2021) brings JavaFX and
 * a JTransforms jar with its dependencies inside; its 64-bit hashes (like a
 * 9 x 8 dHash) are made to find the same picture resized, and are blind by design to one new line of
 * text on an otherwise unchanged page, which is the change noticing exists for. See bench/RESULTS.md.
 *
 * <p>The image is decoded at every n-th pixel of every n-th row (ImageIO's source subsampling, at
 * most {@link #SAMPLED_LONG_SIDE} pixels on the long side), so it takes a few hundred kilobytes
 * whatever the screen's size, and needs no OCR engine: a duplicate never waits behind OCR.
 */
public final class ScreenFingerprint {

    static final int COLUMNS = 64;
    static final int ROWS = 36;
    /** Brightness (of 255) a cell's mean may move by and still be the same: re-encoding moves it by a few. */
    static final int LEVEL_TOLERANCE = 10;
    /** Cells that may change in a nearly identical capture: a blinking caret, a clock's digits. */
    static final int MAX_CHANGED_CELLS = 2;
    /** The long side of the image as sampled. */
    static final int SAMPLED_LONG_SIDE = 640;

    private final int width;
    private final int height;
    private final byte[] cells;

    private ScreenFingerprint(int width, int height, byte[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }

    /**
     * The fingerprint of an encoded screenshot (PNG or JPEG, its header already checked), or empty
     * when it does not decode.
     */
    public static Optional<ScreenFingerprint> of(byte[] encoded) {
        // In memory, not through a temporary file (see TextRecognizer).
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int every = Math.max(1, (Math.max(width, height) + SAMPLED_LONG_SIDE - 1) / SAMPLED_LONG_SIDE);
                param.setSourceSubsampling(every, every, 0, 0);
                return Optional.of(of(reader.read(0, param), width, height));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * The fingerprint of a decoded image, every pixel counted. Compare it only with fingerprints
     * made the same way: {@link #of(byte[])} counts the pixels it samples.
     */
    public static ScreenFingerprint of(BufferedImage image) {
        return of(image, image.getWidth(), image.getHeight());
    }

    private static ScreenFingerprint of(BufferedImage sampled, int width, int height) {
        int w = sampled.getWidth();
        int h = sampled.getHeight();
        int columns = Math.min(COLUMNS, w);
        int rows = Math.min(ROWS, h);
        long[] sums = new long[columns * rows];
        int[] counts = new int[columns * rows];
        int[] line = new int[w];
        for (int y = 0; y < h; y++) {
            sampled.getRGB(0, y, w, 1, line, 0, w);
            int row = y * rows / h * columns;
            for (int x = 0; x < w; x++) {
                int rgb = line[x];
                // Rec. 601 luma in integers: what the eye calls brightness, near enough.
                int luma = (299 * ((rgb >> 16) & 0xFF) + 587 * ((rgb >> 8) & 0xFF) + 114 * (rgb & 0xFF)) / 1000;
                int cell = row + x * columns / w;
                sums[cell] += luma;
                counts[cell]++;
            }
        }
        byte[] cells = new byte[columns * rows];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = (byte) (sums[i] / Math.max(1, counts[i]));
        }
        return new ScreenFingerprint(width, height, cells);
    }

    /**
     * How many cells' brightness differs by more than {@link #LEVEL_TOLERANCE}; every cell when the
     * captures differ in size.
     */
    public int changedCells(ScreenFingerprint other) {
        if (width != other.width || height != other.height || cells.length != other.cells.length) {
            return Math.max(cells.length, other.cells.length);
        }
        int changed = 0;
        for (int i = 0; i < cells.length; i++) {
            if (Math.abs((cells[i] & 0xFF) - (other.cells[i] & 0xFF)) > LEVEL_TOLERANCE) {
                changed++;
            }
        }
        return changed;
    }

    /** Whether the other capture shows the same screen, or one that differs only in a few specks. */
    public boolean nearlyIdentical(ScreenFingerprint other) {
        return changedCells(other) <= MAX_CHANGED_CELLS;
    }

    /** The fingerprint as text (URL-safe Base64, about 3 KB), to keep with the screenshot. */
    public String encoded() {
        ByteBuffer bytes = ByteBuffer.allocate(8 + cells.length).putInt(width).putInt(height).put(cells);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    /** The fingerprint {@link #encoded()} made, or empty when the text is not one. */
    public static Optional<ScreenFingerprint> decoded(String encoded) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Base64.getUrlDecoder().decode(encoded));
            int width = bytes.getInt();
            int height = bytes.getInt();
            byte[] cells = new byte[bytes.remaining()];
            bytes.get(cells);
            if (width < 1 || height < 1 || cells.length < 1 || cells.length > COLUMNS * ROWS) {
                return Optional.empty();
            }
            return Optional.of(new ScreenFingerprint(width, height, cells));
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException notOne) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScreenFingerprint that && width == that.width && height == that.height
                && Arrays.equals(cells, that.cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "ScreenFingerprint[" + width + "x" + height + "]";
    }
}
