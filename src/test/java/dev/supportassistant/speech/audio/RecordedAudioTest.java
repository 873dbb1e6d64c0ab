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

    private static int[] toInts(short[] samples) {
        int[] ints = new int[samples.length];
        for (int i = 0; i < samples.length; i++) {
            ints[i] = samples[i];
        }
        return ints;
    }
}
