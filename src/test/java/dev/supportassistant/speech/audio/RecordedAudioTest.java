package dev.supportassistant.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The recordings browsers make, decoded to 16 kHz mono: each fixture is "my printer is not
 * working" (espeak-ng), as a WAV, as Firefox's Ogg/Opus (opusenc), as Chrome's WebM/Opus (recorded
 * with Chromium's MediaRecorder) and as Safari-style MP4/AAC (ffmpeg, plain and fragmented).
 */
public class RecordedAudioTest {

    /** A recording under {@code src/test/resources/media}; the speech API and provider tests send them too. */
    public static byte[] fixture(String name) {
        try (InputStream in = RecordedAudioTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @CsvSource({"printer.wav, WAV, 2.1, 2.3", "printer.ogg, OGG, 2.1, 2.3", "printer-chrome.webm, WEBM, 2.1, 2.7",
            "printer.m4a, MP4, 2.1, 2.3", "printer-fragmented.mp4, MP4, 2.1, 2.3"})
    void eachBrowserFormatDecodesToSixteenKilohertzSpeech(String file, AudioKind kind, double min, double max) {
        byte[] bytes = fixture(file);

        assertThat(AudioKind.of(bytes)).contains(kind);
        Pcm pcm = RecordedAudio.decode(kind, bytes, 60);

        assertThat(pcm.seconds()).isBetween(min, max);
        // Speech, not silence: some samples are loud.
        assertThat(Arrays.stream(toInts(pcm.samples())).map(Math::abs).max().orElse(0)).isGreaterThan(3000);
    }

    @Test
    void aRecordingLongerThanAllowedIsRefusedWhileDecoding() {
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.WEBM, fixture("printer-chrome.webm"), 1))
                .isInstanceOf(RecordingTooLongException.class);
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.WAV, fixture("printer.wav"), 1))
                .isInstanceOf(RecordingTooLongException.class);
    }

    @Test
    void aDamagedRecordingIsUnreadableNotAnError() {
        byte[] cut = Arrays.copyOf(fixture("printer.ogg"), 200);
        byte[] webmHeaderOnly = Arrays.copyOf(fixture("printer-chrome.webm"), 40);

        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.OGG, cut, 60)).isInstanceOf(UnreadableAudioException.class);
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.WEBM, webmHeaderOnly, 60))
                .isInstanceOf(UnreadableAudioException.class);
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.MP4, Arrays.copyOf(fixture("printer.m4a"), 100), 60))
                .isInstanceOf(UnreadableAudioException.class);
        assertThat(AudioKind.of("hello, not audio".getBytes())).isEmpty();
    }

    @Test
    void aWebmEndingInABlockShorterThanItsHeaderIsUnreadable() {
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.WEBM, webmEndingIn(new byte[] {(byte) 0x81}), 60))
                .isInstanceOf(UnreadableAudioException.class);
        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.WEBM, webmEndingIn(new byte[] {(byte) 0x81, 0, 0}), 60))
                .isInstanceOf(UnreadableAudioException.class);
    }

    @Test
    void anMp4WhoseFragmentSamplesClaimMoreBytesThanItHasIsRefusedBeforeAnyIsCopied() {
        // 300,000 runs of one sample each, all pointing at the same ~6 MB: terabytes if each were copied.
        byte[] mp4 = fragmentedMp4WithRuns(300_000, ALL_THE_REST);

        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.MP4, mp4, 60)).isInstanceOf(UnreadableAudioException.class)
                .hasMessageContaining("more bytes than the file holds");
    }

    @Test
    void anMp4WithMoreFragmentSamplesThanAllowedIsTooLongBeforeAnyIsDecoded() {
        byte[] mp4 = fragmentedMp4WithRuns(300_000, 1);

        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.MP4, mp4, 60)).isInstanceOf(RecordingTooLongException.class);
    }

    @Test
    void anMp4WhoseSampleTableDeclaresMoreEntriesThanItHoldsIsUnreadable() {
        byte[] mp4 = fixture("printer.m4a");
        int stsz = indexOf(mp4, "stsz");
        // Sizes one by one (sample_size 0), two billion of them, in a table of a few hundred bytes.
        java.nio.ByteBuffer.wrap(mp4).putInt(stsz + 8, 0).putInt(stsz + 12, Integer.MAX_VALUE);

        assertThatThrownBy(() -> RecordedAudio.decode(AudioKind.MP4, mp4, 60)).isInstanceOf(UnreadableAudioException.class);
    }

    /** For {@link #fragmentedMp4WithRuns}: each sample as long as the rest of the file. */
    public static final int ALL_THE_REST = -1;

    /**
     * Safari's fragmented recording up to its first movie fragment, then a fragment of {@code runs}
     * track runs of one sample each, every one starting at the fragment's first byte and
     * {@code sampleSize} bytes long ({@link #ALL_THE_REST}: as long as the rest of the file).
     */
    public static byte[] fragmentedMp4WithRuns(int runs, int sampleSize) {
        byte[] original = fixture("printer-fragmented.mp4");
        int moof = indexOf(original, "moof") - 4;
        int trafSize = 8 + 20 + 20 * runs;
        int total = moof + 8 + trafSize + 16;
        java.nio.ByteBuffer mp4 = java.nio.ByteBuffer.allocate(total).put(original, 0, moof);
        mp4.putInt(8 + trafSize).put("moof".getBytes()).putInt(trafSize).put("traf".getBytes());
        // tfhd: default-sample-size-present, track 1, that size.
        mp4.putInt(20).put("tfhd".getBytes()).putInt(0x10).putInt(1)
                .putInt(sampleSize == ALL_THE_REST ? total - moof - 8 : sampleSize);
        for (int i = 0; i < runs; i++) {
            // trun: data-offset-present, one sample, at the fragment's first byte.
            mp4.putInt(20).put("trun".getBytes()).putInt(0x1).putInt(1).putInt(0);
        }
        mp4.putInt(16).put("mdat".getBytes()).putLong(0);
        return mp4.array();
    }

    private static int indexOf(byte[] bytes, String type) {
        for (int i = 0; i + 4 <= bytes.length; i++) {
            if (bytes[i] == type.charAt(0) && bytes[i + 1] == type.charAt(1) && bytes[i + 2] == type.charAt(2)
                    && bytes[i + 3] == type.charAt(3)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + type);
    }

    /**
     * A WebM as Chrome writes one (EBML header, a segment and a cluster of unknown size, one Opus
     * track), whose only block is {@code block}: the track number, timecode, flags and frame.
     */
    public static byte[] webmEndingIn(byte[] block) {
        byte[] opusHead = {'O', 'p', 'u', 's', 'H', 'e', 'a', 'd', 1, 1, 0x38, 1, (byte) 0x80, (byte) 0xBB, 0, 0, 0, 0, 0};
        java.io.ByteArrayOutputStream webm = new java.io.ByteArrayOutputStream();
        webm.writeBytes(ebml(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3}, ebml(new byte[] {0x42, (byte) 0x82}, "webm".getBytes())));
        webm.writeBytes(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        byte[] entry = concat(ebml(new byte[] {(byte) 0xD7}, new byte[] {1}), ebml(new byte[] {(byte) 0x86}, "A_OPUS".getBytes()),
                ebml(new byte[] {0x63, (byte) 0xA2}, opusHead));
        webm.writeBytes(ebml(new byte[] {0x16, 0x54, (byte) 0xAE, 0x6B}, ebml(new byte[] {(byte) 0xAE}, entry)));
        webm.writeBytes(new byte[] {0x1F, 0x43, (byte) 0xB6, 0x75, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
                (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        webm.writeBytes(ebml(new byte[] {(byte) 0xE7}, new byte[] {0}));
        webm.writeBytes(ebml(new byte[] {(byte) 0xA3}, block));
        return webm.toByteArray();
    }

    /** An EBML element: its id, its size (one or two bytes here), its content. */
    private static byte[] ebml(byte[] id, byte[] content) {
        byte[] size = content.length < 0x7F ? new byte[] {(byte) (0x80 | content.length)}
                : new byte[] {(byte) (0x40 | content.length >> 8), (byte) content.length};
        return concat(id, size, content);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }
}
