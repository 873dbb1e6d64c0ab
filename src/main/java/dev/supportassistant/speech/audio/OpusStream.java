package dev.supportassistant.speech.audio;

import java.util.Arrays;

import io.github.jaredmdobson.concentus.OpusDecoder;
import io.github.jaredmdobson.concentus.OpusException;

/**
 * Opus packets, as both Ogg (Firefox) and WebM (Chrome) carry them, decoded as they come with
 * Concentus (pure Java) at 48 kHz, then brought to 16 kHz. (Opus can decode straight at 16 kHz,
 * but Concentus then returns silence for some mono recordings, such as opusenc's.)
 */
final class OpusStream {

    private static final int OPUS_RATE = 48_000;
    /** The longest Opus packet is 120 ms. */
    private static final int MAX_FRAME = OPUS_RATE * 120 / 1000;

    private final int channels;
    private final int preSkip;
    private final long maxSamples;
    private final OpusDecoder decoder;
    private final short[] frame;
    private short[] decoded = new short[OPUS_RATE];
    private int length;

    /**
     * @param head the stream's {@code OpusHead} (Ogg's first packet, WebM's CodecPrivate)
     * @param maxSamples how many samples at 16 kHz to decode at most; beyond, {@link #tooLong()}
     */
    OpusStream(byte[] head, long maxSamples) {
        if (head == null || head.length < 19 || !new String(head, 0, 8, java.nio.charset.StandardCharsets.US_ASCII)
                .equals("OpusHead")) {
            throw new UnreadableAudioException("the Opus stream has no OpusHead");
        }
        channels = head[9] & 0xFF;
        if (channels < 1 || channels > 2) {
            throw new UnreadableAudioException("only mono and stereo Opus recordings are read");
        }
        preSkip = (head[10] & 0xFF) | (head[11] & 0xFF) << 8;
        this.maxSamples = maxSamples;
        try {
            decoder = new OpusDecoder(OPUS_RATE, channels);
        } catch (OpusException impossible) {
            throw new IllegalStateException(impossible);
        }
        frame = new short[MAX_FRAME * channels];
    }

    /** Decodes one packet; nothing more once {@link #tooLong()}. */
    void add(byte[] packet) {
        if (packet.length == 0 || tooLong()) {
            return;
        }
        try {
            int samples = decoder.decode(packet, 0, packet.length, frame, 0, MAX_FRAME, false) * channels;
            if (length + samples > decoded.length) {
                decoded = Arrays.copyOf(decoded, Math.max(decoded.length * 2, length + samples));
            }
            System.arraycopy(frame, 0, decoded, length, samples);
            length += samples;
        } catch (OpusException | RuntimeException broken) {
            throw new UnreadableAudioException("the Opus audio cannot be decoded");
        }
    }

    /** More than {@code maxSamples} decoded. */
    boolean tooLong() {
        return length / channels > maxSamples * (OPUS_RATE / Pcm.RATE) + preSkip;
    }

    /** What was decoded, in one channel, without the encoder's pre-skip. */
    Pcm pcm() {
        if (tooLong()) {
            throw new RecordingTooLongException();
        }
        short[] mono = Pcm.mono(decoded, length, channels);
        int skip = Math.min(preSkip, mono.length);
        return new Pcm(Pcm.resampled(Arrays.copyOfRange(mono, skip, mono.length), OPUS_RATE));
    }
}
