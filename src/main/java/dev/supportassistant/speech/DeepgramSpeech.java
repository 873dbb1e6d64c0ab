package dev.supportassistant.speech;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;

import tools.jackson.databind.JsonNode;

/**
 * Deepgram over its REST API, as the original backend used it: {@code POST /v1/listen} with the
 * recording ({@code nova-3}) and {@code POST /v1/speak} for an {@code aura} voice, answering MP3.
 */
final class DeepgramSpeech implements SpeechProvider {

    private final SpeechSettings.Deepgram settings;
    private final RestClient http;

    DeepgramSpeech(SpeechSettings.Deepgram settings, Duration timeout) {
        this.settings = settings;
        // HTTP/1.1: over plain HTTP (a gateway, a test) the JDK's HTTP/2 upgrade of a POST can be reset.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build());
        requests.setReadTimeout(timeout);
        this.http = RestClient.builder().baseUrl(settings.baseUrl().strip()).requestFactory(requests)
                .defaultHeader("Authorization", "Token " + (settings.hasApiKey() ? settings.apiKey().strip() : ""))
                .build();
    }

    @Override
    public String name() {
        return "deepgram";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return settings.hasApiKey() ? Optional.empty() : Optional.of("DEEPGRAM_API_KEY is not set");
    }

    @Override
    public String transcribe(byte[] recording, AudioKind kind, Pcm decoded) {
        JsonNode result = http.post()
                .uri(uri -> uri.path("/v1/listen").queryParam("model", settings.transcriptionModel())
                        .queryParam("smart_format", "true").build())
                .contentType(MediaType.parseMediaType(kind.mediaType()))
                .body(recording)
                .retrieve()
                .body(JsonNode.class);
        if (result == null || !result.path("results").path("channels").path(0).path("alternatives").path(0)
                .has("transcript")) {
            throw new IllegalStateException("Deepgram answered without a transcript");
        }
        return result.path("results").path("channels").path(0).path("alternatives").path(0).path("transcript")
                .asString("").strip();
    }

    @Override
    public SpokenText speak(String text, @Nullable String voice) {
        String model = voice != null && voice.startsWith("aura") ? voice : settings.voice();
        byte[] audio = http.post()
                .uri(uri -> uri.path("/v1/speak").queryParam("model", model).build())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("text", text))
                .retrieve()
                .body(byte[].class);
        if (audio == null || audio.length == 0) {
            throw new IllegalStateException("Deepgram answered without audio");
        }
        return new SpokenText(audio, "audio/mpeg");
    }
}
