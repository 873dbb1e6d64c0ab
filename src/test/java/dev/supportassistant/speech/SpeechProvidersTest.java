package dev.supportassistant.speech;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.supportassistant.speech.audio.RecordedAudioTest;
import dev.supportassistant.platform.web.RequestLimits;

/**
 * Speech through OpenAI (Spring AI's audio models) and Deepgram (its REST API), each faked over
 * HTTP with the vendor's own shapes, and the offline engines standing in when one fails.
 */
class SpeechProvidersTest {

    private static final WireMockServer VENDOR = new WireMockServer(options().dynamicPort());
    private static final byte[] WEBM = RecordedAudioTest.fixture("printer-chrome.webm");
    private static final byte[] MP3 = {(byte) 0xFF, (byte) 0xF3, 0x44, (byte) 0xC4, 0, 1, 2, 3};
    private static final String DEEPGRAM_KEY = "dg-test-key-5e1f";
    private static final String OPENAI_KEY = "sk-test-speech-9a7c";

    static {
        VENDOR.start();
    }

    @AfterAll
    static void stop() {
        VENDOR.stop();
    }

    @BeforeEach
    void reset() {
        VENDOR.resetAll();
    }

    private static SpeechService service(String provider, String deepgramKey, String openAiKey) {
        return new SpeechService(new SpeechSettings(provider, 60, 2, false, 60, 5,
                new SpeechSettings.OpenAi(openAiKey, VENDOR.baseUrl() + "/v1", "gpt-4o-mini-transcribe",
                        "gpt-4o-mini-tts", "alloy"),
                new SpeechSettings.Deepgram(deepgramKey, VENDOR.baseUrl(), "nova-3", "aura-asteria-en"), 1500, 120),
                new RequestLimits(1_048_576, 4000, 12_582_912));
    }

    @Test
    void deepgramTranscribesTheRecordingAsTheBrowserMadeIt() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/listen")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"metadata":{"request_id":"a1b2","duration":2.5,"channels":1,"models":["nova-3"]},
                         "results":{"channels":[{"alternatives":[{"transcript":"My printer is not working.",
                         "confidence":0.99,"words":[]}]}]}}
                        """)));

        SpeechService.Transcript transcript = service("deepgram", DEEPGRAM_KEY, null).transcribe(WEBM);

        assertThat(transcript).isEqualTo(new SpeechService.Transcript(true, "My printer is not working.", "deepgram",
                false, null));
        VENDOR.verify(postRequestedFor(urlPathEqualTo("/v1/listen"))
                .withQueryParam("model", equalTo("nova-3"))
                .withHeader("Authorization", equalTo("Token " + DEEPGRAM_KEY))
                .withHeader("Content-Type", equalTo("audio/webm"))
                .withRequestBody(binaryEqualTo(WEBM)));
    }

    @Test
    void deepgramSpeaksWithTheAskedAuraVoice() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/speak")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(MP3)));

        SpeechService.Spoken spoken = service("deepgram", DEEPGRAM_KEY, null).speak("Restart the printer.",
                "aura-luna-en");

        assertThat(spoken.error()).isNull();
        assertThat(spoken.audio().audio()).isEqualTo(MP3);
        assertThat(spoken.audio().mediaType()).isEqualTo("audio/mpeg");
        assertThat(spoken.provider()).isEqualTo("deepgram");
        VENDOR.verify(postRequestedFor(urlPathEqualTo("/v1/speak")).withQueryParam("model", equalTo("aura-luna-en"))
                .withHeader("Authorization", equalTo("Token " + DEEPGRAM_KEY))
                .withRequestBody(equalToJson("{\"text\": \"Restart the printer.\"}")));
    }

    @Test
    void openAiTranscribesThroughSpringAi() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/audio/transcriptions")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/plain; charset=utf-8").withBody("My printer is not working.\n")));

        SpeechService.Transcript transcript = service("openai", null, OPENAI_KEY).transcribe(WEBM);

        assertThat(transcript.transcript()).isEqualTo("My printer is not working.");
        assertThat(transcript.provider()).isEqualTo("openai");
        VENDOR.verify(postRequestedFor(urlPathEqualTo("/v1/audio/transcriptions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("filename=\"audio.webm\""))
                .withRequestBody(containing("gpt-4o-mini-transcribe"))
                .withRequestBody(containing("name=\"response_format\"")));
    }

    @Test
    void openAiSpeaksMp3WithItsDefaultVoiceForAnotherVendorsVoice() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/audio/speech")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(MP3)));

        SpeechService.Spoken spoken = service("openai", null, OPENAI_KEY).speak("Restart the printer.",
                "aura-asteria-en");

        assertThat(spoken.audio().audio()).isEqualTo(MP3);
        assertThat(spoken.provider()).isEqualTo("openai");
        VENDOR.verify(postRequestedFor(urlPathEqualTo("/v1/audio/speech"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(matchingJsonPath("$.input", equalTo("Restart the printer.")))
                .withRequestBody(matchingJsonPath("$.voice", equalTo("alloy")))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini-tts"))));
    }

    @Test
    void aFailingProviderIsAnsweredForOfflineAndTheAnswerSaysSo() {
        VENDOR.stubFor(post(urlPathEqualTo("/v1/listen")).willReturn(aResponse().withStatus(503)
                .withBody("{\"err_msg\":\"overloaded, key dg-test-key-5e1f\"}")));

        SpeechService.Transcript transcript = service("deepgram", DEEPGRAM_KEY, null).transcribe(WEBM);

        assertThat(transcript.transcript()).isEqualTo("my printer is not working");
        assertThat(transcript.provider()).isEqualTo("local");
        assertThat(transcript.fallback()).isTrue();
        assertThat(transcript.error()).isEqualTo("deepgram: HTTP 503");
    }

    @Test
    void aProviderWithoutItsKeyIsAnsweredForOffline() {
        SpeechService.Spoken spoken = service("openai", null, null).speak("Restart the printer.", null);

        assertThat(spoken.provider()).isEqualTo("local");
        assertThat(spoken.fallback()).isTrue();
        assertThat(spoken.error()).isEqualTo("openai: OPENAI_API_KEY is not set");
        assertThat(spoken.audio().mediaType()).isEqualTo("audio/wav");
        VENDOR.verify(0, postRequestedFor(urlPathEqualTo("/v1/audio/speech")));
    }
}
