package dev.supportassistant.screenshots;

import java.util.Optional;

/**
 * An image's format and size as its first bytes declare them, read before anything decodes it, so
 * that neither a file's name nor an absurd declared size (a small file claiming 100,000 x 100,000
 * pixels, gigabytes once decoded) gets further.
 */
record ImageHeader(Format format, int width, int height) {

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

    /** IHDR is always the first chunk: width and height at bytes 16 and 20. */
    private static Optional<ImageHeader> png(byte[] bytes) {
        if (bytes.length < 24 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
            return Optional.empty();
        }
        return sized(Format.PNG, int32(bytes, 16), int32(bytes, 20));
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
                return sized(Format.JPEG, uint16(bytes, at + 7), uint16(bytes, at + 5));
            }
            if (length < 2) {
                return Optional.empty();
            }
            at += 2 + length;
        }
        return Optional.empty();
    }

    private static Optional<ImageHeader> sized(Format format, long width, long height) {
        return width <= 0 || height <= 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(new ImageHeader(format, (int) width, (int) height));
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static long int32(byte[] bytes, int at) {
        return ((long) (bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    private static int uint16(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF);
    }
}
