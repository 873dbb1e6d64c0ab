package dev.supportassistant.speech.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the samples of a fragmented MP4's first track are, in order: each movie fragment
 * ({@code moof}) lists its samples' sizes in a track run ({@code trun}) and where they start,
 * counted from the fragment's first byte. Recorders write this form, so that a file cut short still
 * plays. Only positions are collected, never the samples' bytes, and at most as many as
 * {@code AUDIO_MAX_SECONDS} allow, adding up to no more than the file's size: runs may point at
 * the same bytes again and again, and a 9 MB file could otherwise stand for terabytes.
 */
final class Mp4Fragments {

    /** One sample: {@code size} bytes at {@code offset} in the file. */
    record Sample(int offset, int size) {
    }

    private static final int DATA_OFFSET_PRESENT = 0x1;
    private static final int FIRST_SAMPLE_FLAGS_PRESENT = 0x4;
    private static final int SAMPLE_DURATION_PRESENT = 0x100;
    private static final int SAMPLE_SIZE_PRESENT = 0x200;
    private static final int SAMPLE_FLAGS_PRESENT = 0x400;
    private static final int SAMPLE_CTO_PRESENT = 0x800;
    private static final int BASE_DATA_OFFSET_PRESENT = 0x1;
    private static final int DEFAULT_SIZE_PRESENT = 0x10;

    private Mp4Fragments() {
    }

    /**
     * @throws RecordingTooLongException past {@code maxFrames} samples
     * @throws UnreadableAudioException when the samples add up to more bytes than the file has
     */
    static List<Sample> samples(byte[] mp4, long maxFrames) {
        Samples samples = new Samples(mp4.length, maxFrames);
        for (int at = 0; at + 8 <= mp4.length; at = next(mp4, at)) {
            if (type(mp4, at).equals("moof")) {
                fragment(mp4, at, samples);
            }
        }
        return samples.found;
    }

    /** The samples found so far, their count and bytes held to the bounds as each is added. */
    private static final class Samples {

        private final List<Sample> found = new ArrayList<>();
        private final long fileSize;
        private final long maxFrames;
        private long bytes;

        Samples(long fileSize, long maxFrames) {
            this.fileSize = fileSize;
            this.maxFrames = maxFrames;
        }

        void add(int offset, int size) {
            if (found.size() >= maxFrames) {
                throw new RecordingTooLongException();
            }
            bytes += size;
            if (bytes > fileSize) {
                throw new UnreadableAudioException("the MP4 file's samples claim more bytes than the file holds");
            }
            found.add(new Sample(offset, size));
        }
    }

    private static void fragment(byte[] mp4, int moof, Samples frames) {
        int end = next(mp4, moof);
        for (int traf = moof + 8; traf + 8 <= end; traf = next(mp4, traf)) {
            if (!type(mp4, traf).equals("traf")) {
                continue;
            }
            long base = moof;
            int defaultSize = 0;
            int trafEnd = next(mp4, traf);
            for (int box = traf + 8; box + 8 <= trafEnd; box = next(mp4, box)) {
                String type = type(mp4, box);
                int flags = u32(mp4, box + 8) & 0xFFFFFF;
                if (type.equals("tfhd")) {
                    int field = box + 16;
                    if ((flags & BASE_DATA_OFFSET_PRESENT) != 0) {
                        base = ((long) u32(mp4, field) << 32) | (u32(mp4, field + 4) & 0xFFFFFFFFL);
                        field += 8;
                    }
                    field += (flags & 0x2) != 0 ? 4 : 0;
                    field += (flags & 0x8) != 0 ? 4 : 0;
                    if ((flags & DEFAULT_SIZE_PRESENT) != 0) {
                        defaultSize = u32(mp4, field);
                    }
                } else if (type.equals("trun")) {
                    run(mp4, box, flags, base, defaultSize, frames);
                }
            }
        }
    }

    private static void run(byte[] mp4, int trun, int flags, long base, int defaultSize, Samples frames) {
        long count = u32(mp4, trun + 12) & 0xFFFFFFFFL;
        int field = trun + 16;
        long data = base;
        if ((flags & DATA_OFFSET_PRESENT) != 0) {
            data += u32(mp4, field);
            field += 4;
        }
        field += (flags & FIRST_SAMPLE_FLAGS_PRESENT) != 0 ? 4 : 0;
        for (long i = 0; i < count; i++) {
            field += (flags & SAMPLE_DURATION_PRESENT) != 0 ? 4 : 0;
            int size = defaultSize;
            if ((flags & SAMPLE_SIZE_PRESENT) != 0) {
                size = u32(mp4, field);
                field += 4;
            }
            field += (flags & SAMPLE_FLAGS_PRESENT) != 0 ? 4 : 0;
            field += (flags & SAMPLE_CTO_PRESENT) != 0 ? 4 : 0;
            if (size <= 0 || data + size > mp4.length) {
                throw new UnreadableAudioException("the MP4 fragment points outside the file");
            }
            frames.add((int) data, size);
            data += size;
        }
    }

    private static int next(byte[] mp4, int box) {
        long size = u32(mp4, box) & 0xFFFFFFFFL;
        if (size == 1) {
            size = ((long) u32(mp4, box + 8) << 32) | (u32(mp4, box + 12) & 0xFFFFFFFFL);
        } else if (size == 0) {
            size = mp4.length - box;
        }
        if (size < 8 || box + size > mp4.length) {
            return mp4.length;
        }
        return (int) (box + size);
    }

    private static String type(byte[] mp4, int box) {
        return new String(mp4, box + 4, 4, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int u32(byte[] mp4, int at) {
        if (at + 4 > mp4.length) {
            throw new UnreadableAudioException("the MP4 file is cut short");
        }
        return (mp4[at] & 0xFF) << 24 | (mp4[at + 1] & 0xFF) << 16 | (mp4[at + 2] & 0xFF) << 8 | (mp4[at + 3] & 0xFF);
    }
}
