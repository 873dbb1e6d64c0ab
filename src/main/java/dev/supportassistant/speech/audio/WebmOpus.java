package dev.supportassistant.speech.audio;

import java.util.Arrays;
import java.util.Set;

/**
 * A WebM (Matroska) file's Opus track, into packets: what Chrome's MediaRecorder writes. Reads the
 * EBML elements in order, stepping into the few containers that matter (Chrome leaves the sizes of
 * the segment and its clusters unknown while recording, so containers are entered, never measured)
 * and taking SimpleBlocks and Blocks of the Opus track. Laced blocks, which MediaRecorder does not
 * write, are refused.
 */
final class WebmOpus {

    private static final long SEGMENT = 0x18538067L;
    private static final long CLUSTER = 0x1F43B675L;
    private static final long TRACKS = 0x1654AE6BL;
    private static final long TRACK_ENTRY = 0xAEL;
    private static final long BLOCK_GROUP = 0xA0L;
    private static final long TRACK_NUMBER = 0xD7L;
    private static final long CODEC_ID = 0x86L;
    private static final long CODEC_PRIVATE = 0x63A2L;
    private static final long SIMPLE_BLOCK = 0xA3L;
    private static final long BLOCK = 0xA1L;
    private static final Set<Long> ENTERED = Set.of(SEGMENT, CLUSTER, TRACKS, TRACK_ENTRY, BLOCK_GROUP);

    private final byte[] bytes;
    private int at;

    private WebmOpus(byte[] bytes) {
        this.bytes = bytes;
    }

    static Pcm decode(byte[] bytes, long maxSamples) {
        return new WebmOpus(bytes).read(maxSamples);
    }

    private Pcm read(long maxSamples) {
        OpusStream stream = null;
        long opusTrack = -1;
        long entryNumber = -1;
        String entryCodec = null;
        byte[] entryPrivate = null;
        while (at < bytes.length && (stream == null || !stream.tooLong())) {
            long id = vint(true);
            long size = vint(false);
            if (ENTERED.contains(id)) {
                if (id == TRACK_ENTRY) {
                    entryNumber = -1;
                    entryCodec = null;
                    entryPrivate = null;
                }
                continue;
            }
            if (size < 0 || at + size > bytes.length) {
                // A recording stopped mid-element: keep what came before it.
                break;
            }
            int start = at;
            at += (int) size;
            if (id == TRACK_NUMBER) {
                entryNumber = unsigned(start, (int) size);
            } else if (id == CODEC_ID) {
                entryCodec = new String(bytes, start, (int) size, java.nio.charset.StandardCharsets.US_ASCII).strip();
            } else if (id == CODEC_PRIVATE) {
                entryPrivate = Arrays.copyOfRange(bytes, start, at);
            } else if (id == SIMPLE_BLOCK || id == BLOCK) {
                if (stream == null) {
                    throw new UnreadableAudioException("the WebM file has no Opus track before its audio");
                }
                block(start, at, opusTrack, stream);
            }
            if (stream == null && entryNumber >= 0 && "A_OPUS".equals(entryCodec) && entryPrivate != null) {
                opusTrack = entryNumber;
                stream = new OpusStream(entryPrivate, maxSamples);
            }
        }
        if (stream == null) {
            throw new UnreadableAudioException("the WebM file holds no Opus audio");
        }
        return stream.pcm();
    }

    private void block(int start, int end, long opusTrack, OpusStream stream) {
        int saved = at;
        at = start;
        long track = vint(false);
        // After the track number: a 16-bit timecode and the flags, then the frame.
        if (at > end || end - at < 3) {
            throw new UnreadableAudioException("the WebM file has a block shorter than its header");
        }
        int flags = bytes[at + 2] & 0xFF;
        int frame = at + 3;
        at = saved;
        if (track != opusTrack) {
            return;
        }
        if ((flags & 0x06) != 0) {
            throw new UnreadableAudioException("laced WebM blocks are not read");
        }
        stream.add(Arrays.copyOfRange(bytes, frame, end));
    }

    /**
     * An EBML variable-length integer: an element id keeps its length marker, a size drops it; a
     * size of all ones means unknown (-1).
     */
    private long vint(boolean id) {
        if (at >= bytes.length) {
            throw new UnreadableAudioException("the WebM file is cut short");
        }
        int first = bytes[at] & 0xFF;
        int length = Integer.numberOfLeadingZeros(first) - 23;
        if (first == 0 || length > 8 || at + length > bytes.length) {
            throw new UnreadableAudioException("the WebM file is damaged");
        }
        long value = id ? first : first & (0xFF >> length);
        boolean allOnes = value == (0xFF >> length);
        for (int i = 1; i < length; i++) {
            int b = bytes[at + i] & 0xFF;
            allOnes &= b == 0xFF;
            value = (value << 8) | b;
        }
        at += length;
        return !id && allOnes ? -1 : value;
    }

    private long unsigned(int start, int size) {
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (bytes[start + i] & 0xFF);
        }
        return value;
    }
}
