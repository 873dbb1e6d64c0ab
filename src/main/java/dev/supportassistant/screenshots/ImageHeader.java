package dev.supportassistant.screenshots;

import java.util.Arrays;
import java.util.Optional;

/**
 * An image's format and size as its first bytes declare them, read before anything decodes it, so
 * that neither a file's name nor an absurd declared size (a small file claiming 100,000 x 100,000
 * pixels, gigabytes once decoded) gets further. {@code bitsPerPixel} is what decoding keeps of each
 * pixel (from a PNG's bit depth and colour type, a JPEG's precision and components), so that a small
 * file of few but deep pixels (16-bit RGBA: 8 bytes each) is known for what it costs, too.
 */
record ImageHeader(Format format, int width, int height, int bitsPerPixel) {

    /** The formats taken: what browsers produce from a canvas. */
    enum Format {
        PNG("image/png"), JPEG("image/jpeg");

        final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }
    }

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    long pixels() {
        return (long) width * height;
    }

    /** The bytes the decoded image takes: rows of whole bytes, as the JDK's decoders lay them out. */
    long decodedBytes() {
        return height * (((long) width * bitsPerPixel + 7) / 8);
    }

    /** The header, or empty when the bytes are not a PNG or JPEG whose size can be read. */
    static Optional<ImageHeader> of(byte[] bytes) {
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return png(bytes);
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return jpeg(bytes);
        }
        return Optional.empty();
    }

    /**
     * IHDR is always the first chunk: width and height at bytes 16 and 20, bit depth and colour type
     * at 24 and 25.
     */
    private static Optional<ImageHeader> png(byte[] bytes) {
        if (bytes.length < 26 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
            return Optional.empty();
        }
        int depth = bytes[24] & 0xFF;
        int channels = switch (bytes[25] & 0xFF) {
            case 0, 3 -> 1; // grey, or a palette index
            case 4 -> 2; // grey and alpha
            case 2 -> 3; // RGB
            default -> 4; // RGBA (6), and the most any other value could cost: decoding refuses it anyway
        };
        return sized(Format.PNG, int32(bytes, 16), int32(bytes, 20), channels * Math.min(Math.max(depth, 1), 16));
    }

    /** Walks the markers to the first start-of-frame, which holds height and width. */
    private static Optional<ImageHeader> jpeg(byte[] bytes) {
        int at = 2;
        while (at + 9 < bytes.length) {
            if ((bytes[at] & 0xFF) != 0xFF) {
                return Optional.empty();
            }
            int marker = bytes[at + 1] & 0xFF;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            int length = uint16(bytes, at + 2);
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                int precision = bytes[at + 4] & 0xFF;
                int components = Math.max(1, bytes[at + 9] & 0xFF);
                // Progressive frames keep every coefficient (two bytes a sample) until the last scan.
                boolean progressive = marker == 0xC2 || marker == 0xC6 || marker == 0xCA || marker == 0xCE;
                int bits = components * (precision > 8 ? 16 : 8) * (progressive ? 3 : 1);
                return sized(Format.JPEG, uint16(bytes, at + 7), uint16(bytes, at + 5), bits);
            }
            if (length < 2) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageHeader> sized(Format format, long width, long height, int bitsPerPixel) {
        return width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(new ImageHeader(format, (int) width, (int) height, bitsPerPixel));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static long int32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static int uint16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
