package dev.supportassistant.speech;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;
import dev.supportassistant.speech.audio.RecordedAudio;
import dev.supportassistant.speech.audio.RecordedAudioTest;

/**
 * The original frontend's microphone and speaker against the service with nothing configured: the
 * offline engines transcribe and speak.
 */
class SpeechApiTest extends ApiTest {

    /** As the frontend sends it: whatever MediaRecorder made, labelled audio.wav. */
    private ApiClient.Response transcribe(byte[] recording) {
        return api.upload("/api/v1/transcribe", "file", "audio.wav", "audio/wav", recording);
    }

    @Test
    void chromesRecordingIsTranscribedOffline() {
        var response = transcribe(RecordedAudioTest.fixture("printer-chrome.webm"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("success").asBoolean()).isTrue();
        assertThat(response.json().get("transcript").asString()).isEqualTo("my printer is not working");
        assertThat(response.json().get("provider").asString()).isEqualTo("local");
        assertThat(response.json().get("fallback").asBoolean()).isFalse();
    }

    @Test
    void badRecordingsGetAClearFourHundredNeverAFiveHundred() {
        assertRejected(api.upload("/api/v1/transcribe", "other", "a.wav", "audio/wav", new byte[] {1}), 400, "required");
        assertRejected(transcribe(new byte[0]), 400, "required");
        assertRejected(transcribe("just some text, named audio.wav".getBytes()), 415, "not a recording");
        assertRejected(transcribe(Arrays.copyOf(RecordedAudioTest.fixture("printer.ogg"), 300)), 422, "Ogg");
        assertRejected(transcribe(Arrays.copyOf(RecordedAudioTest.fixture("printer-chrome.webm"), 60)), 422, "WebM");
    }

    @Test
    void aMultipartBodyWithoutItsClosingBoundaryOrWithoutABoundaryIsA400() {
        byte[] unclosed = ("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"audio.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFF....WAVE").getBytes();

        for (String path : new String[] {"/api/v1/transcribe", "/api/v1/screenshots"}) {
            assertRejected(api.sendBytes("POST", path, unclosed, "multipart/form-data; boundary=xyz"), 400, "multipart");
            assertRejected(api.sendBytes("POST", path, unclosed, "multipart/form-data"), 400, "multipart");
        }
    }

    @Test
    void aWebmWhoseLastBlockIsShorterThanItsHeaderIsA422() {
        assertRejected(transcribe(RecordedAudioTest.webmEndingIn(new byte[] {(byte) 0x81})), 422, "WebM");
        assertRejected(transcribe(RecordedAudioTest.webmEndingIn(new byte[] {(byte) 0x81, 0})), 422, "WebM");
    }

    @Test
    void aRecordingThatWouldFillTheHeapIsRefusedAtOnce() {
        assertRejected(transcribe(RecordedAudioTest.fragmentedMp4WithRuns(300_000, RecordedAudioTest.ALL_THE_REST)), 422,
                "more bytes than the file holds");
        assertRejected(transcribe(RecordedAudioTest.fragmentedMp4WithRuns(300_000, 1)), 413, "AUDIO_MAX_SECONDS");
    }

    @Test
    void speechIsAWavFileAnAudioElementPlays() {
        var response = api.binary("POST", "/api/v1/tts", "{\"text\": \"Restart the printer.\", \"voice\": \"aura-asteria-en\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("audio/wav");
        assertThat(response.header("X-Speech-Provider")).isEqualTo("local");
        assertThat(new String(response.body(), 0, 4)).isEqualTo("RIFF");
        assertThat(new String(response.body(), 8, 4)).isEqualTo("WAVE");
        assertThat(response.body().length).isGreaterThan(16_000);
    }

    @Test
    void theSpeakerSaysTheWordsOfAMarkdownReplyNotItsMarks() {
        var response = api.binary("POST", "/api/v1/tts", "{\"text\": \"## **Please restart** your [computer](https://example.com).\"}");

        assertThat(response.status()).isEqualTo(200);
        Pcm speech = RecordedAudio.decode(AudioKind.WAV, response.body(), 60);
        assertThat(new SpeechRecognizer(2, Duration.ofSeconds(60)).transcribe(speech)).isEqualTo("please restart your computer");
    }

    @Test
    void aTextOfThousandsOfDigitsIsSpokenForAtMostTtsMaxSeconds() {
        // 3,990 digits: fifteen minutes of speech, 28 MB, unbounded.
        var response = api.binary("POST", "/api/v1/tts", "{\"text\": \"" + "1234567890".repeat(399) + "\"}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Speech-Truncated")).isEqualTo("true");
        // 120 s (TTS_MAX_SECONDS) of 16-bit mono at 16 kHz, and the WAV header.
        assertThat(response.body().length).isLessThanOrEqualTo(120 * 32_000 + 44);
    }

    @Test
    void speechOfNothingOrOfTooMuchIsRefused() {
        assertRejected(api.post("/api/v1/tts", "{\"text\": \"  \"}"), 400, "text: must not be blank");
        assertRejected(api.post("/api/v1/tts", "{}"), 400, "text: must not be blank");
        assertRejected(api.post("/api/v1/tts", "{\"text\": \"" + "a".repeat(4001) + "\"}"), 413, "MAX_MESSAGE_CHARS");
        assertRejected(api.post("/api/v1/tts", "{\"text\": \"hi\", \"voice\": \"a b/../c\"}"), 422, "voice");
        assertRejected(api.post("/api/v1/tts", "{\"text\": \"** --- **\"}"), 400, "no words");
    }

    private static void assertRejected(ApiClient.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).contains(detail);
        assertThat(response.json().get("success").asBoolean()).isFalse();
    }
}
