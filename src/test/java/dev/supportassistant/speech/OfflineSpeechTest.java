package dev.supportassistant.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;
import dev.supportassistant.speech.audio.RecordedAudio;
import dev.supportassistant.speech.audio.RecordedAudioTest;

/** Vosk and FreeTTS, offline, each loaded once for the test JVM (shared with the API tests). */
class OfflineSpeechTest {

    private static final SpeechRecognizer RECOGNIZER = new SpeechRecognizer(2, Duration.ofSeconds(60));
    private static final SpeechSynthesizer SYNTHESIZER = new SpeechSynthesizer(2, Duration.ofSeconds(60));

    @ParameterizedTest
    @CsvSource({"printer.wav, WAV", "printer-22k.wav, WAV", "printer.ogg, OGG", "printer-chrome.webm, WEBM", "printer-fragmented.mp4, MP4", "printer.m4a, MP4"})
    void everyBrowserFormatIsTranscribed(String file, AudioKind kind) {
        Pcm speech = RecordedAudio.decode(kind, RecordedAudioTest.fixture(file), 60);

        // Lossy codecs may blur a short word; the request itself must come through.
        assertThat(RECOGNIZER.transcribe(speech)).startsWith("my printer is").endsWith("working");
    }

    @Test
    void whatTheVoiceSaysIsUnderstoodBack() {
        byte[] wav = SYNTHESIZER.wav("Please restart your computer.", 60).wav();

        Pcm speech = RecordedAudio.decode(AudioKind.WAV, wav, 60);

        assertThat(speech.seconds()).isBetween(1.0, 4.0);
        assertThat(RECOGNIZER.transcribe(speech)).isEqualTo("please restart your computer");
    }

    @Test
    void theVoiceStopsAtTheLongestAudioAllowed() {
        // Digits are spoken one by one: 600 of them would be over two minutes.
        SpeechSynthesizer.Speech speech = SYNTHESIZER.wav("1234567890".repeat(60), 5);

        assertThat(speech.cut()).isTrue();
        assertThat(RecordedAudio.decode(AudioKind.WAV, speech.wav(), 60).seconds()).isEqualTo(5.0);
    }
}
