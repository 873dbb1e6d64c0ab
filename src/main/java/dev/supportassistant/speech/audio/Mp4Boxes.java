package dev.supportassistant.speech.audio;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * An MP4's boxes, checked before JCodec reads them: JCodec sizes its buffers and sample tables by
 * what the file declares (a 100-byte file may declare two billion samples), so every box must lie
 * within the box that holds it, every sample table must fit in its box, a track may hold no more
 * samples than {@code AUDIO_MAX_SECONDS} allow, and its samples no more bytes than the file holds.
 * Only counting and comparing here: nothing is allocated by what the file says.
 */
final class Mp4Boxes {

    /** The boxes that hold boxes and lead to the sample tables (ISO/IEC 14496-12). */
    private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia", "minf", "stbl", "edts", "dinf",
            "mvex", "moof", "traf");
    /** The top-level boxes JCodec reads whole into memory: they must end where they say. */
    private static final Set<String> READ_WHOLE = Set.of("ftyp", "moov");

    private Mp4Boxes() {
    }

    /**
     * @param maxFrames the most samples a track may have (what {@code AUDIO_MAX_SECONDS} allow)
     * @throws UnreadableAudioException when a box or table does not fit, or samples claim more bytes than the file has
     * @throws RecordingTooLongException when a track has more than {@code maxFrames} samples
     */
    static void check(byte[] mp4, long maxFrames) {
        walk(mp4, 0, mp4.length, maxFrames, true);
    }

    /**
     * The samples of one AAC frame each at the highest AAC rate (96 kHz) that {@code maxSamples} at
     * 16 kHz allow: a bound on frames known before anything is decoded.
     */
    static long maxFrames(long maxSamples) {
        return maxSamples * 96_000 / Pcm.RATE / 1024 + 1;
    }

    private static void walk(byte[] mp4, int from, int to, long maxFrames, boolean topLevel) {
        int at = from;
        while (to - at >= 8) {
            long size = u32(mp4, at);
            int header = 8;
            if (size == 1) {
                if (to - at < 16) {
                    throw damaged();
                }
                size = u64(mp4, at + 8);
                header = 16;
            } else if (size == 0) {
                size = to - at;
            }
            String type = new String(mp4, at + 4, 4, StandardCharsets.US_ASCII);
            if (size < header || size > to - at) {
                if (topLevel && !READ_WHOLE.contains(type)) {
                    // A recording stopped mid-box: what came before it may still be read.
                    return;
                }
                throw damaged();
            }
            int body = at + header;
            int end = (int) (at + size);
            if (CONTAINERS.contains(type)) {
                walk(mp4, body, end, maxFrames, false);
            } else {
                table(mp4, type, body, end, maxFrames);
            }
            at = end;
        }
    }

    /** The sample tables JCodec makes arrays for: their entries must be in the box (after version and flags). */
    private static void table(byte[] mp4, String type, int body, int end, long maxFrames) {
        switch (type) {
            case "stsz" -> sampleSizes(mp4, body, end, maxFrames);
            case "stco", "stss" -> entries(mp4, body, end, 4);
            case "co64", "stts", "ctts" -> entries(mp4, body, end, 8);
            case "stsc" -> entries(mp4, body, end, 12);
            default -> {
                // Not a table JCodec sizes by its count.
            }
        }
    }

    private static void entries(byte[] mp4, int body, int end, int entrySize) {
        if (end - body < 8 || u32(mp4, body + 4) * entrySize > end - body - 8) {
            throw damaged();
        }
    }

    private static void sampleSizes(byte[] mp4, int body, int end, long maxFrames) {
        if (end - body < 12) {
            throw damaged();
        }
        long sampleSize = u32(mp4, body + 4);
        long count = u32(mp4, body + 8);
        if (sampleSize == 0 && count * 4 > end - body - 12) {
            throw damaged();
        }
        if (count > maxFrames) {
            throw new RecordingTooLongException();
        }
        long bytes = sampleSize * count;
        if (sampleSize == 0) {
            for (int i = 0; i < count; i++) {
                bytes += u32(mp4, body + 12 + 4 * i);
            }
        }
        if (bytes > mp4.length) {
            throw new UnreadableAudioException("the MP4 file's samples claim more bytes than the file holds");
        }
    }

    private static UnreadableAudioException damaged() {
        return new UnreadableAudioException("the MP4 file is damaged (a box does not fit in what holds it)");
    }

    private static long u32(byte[] mp4, int at) {
        return (mp4[at] & 0xFFL) << 24 | (mp4[at + 1] & 0xFFL) << 16 | (mp4[at + 2] & 0xFFL) << 8 | (mp4[at + 3] & 0xFFL);
    }

    private static long u64(byte[] mp4, int at) {
        long high = u32(mp4, at);
        return high > Integer.MAX_VALUE ? Long.MAX_VALUE : high << 32 | u32(mp4, at + 4);
    }
}
