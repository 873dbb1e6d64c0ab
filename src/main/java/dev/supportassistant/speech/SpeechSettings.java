package dev.supportassistant.speech;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Voice: who transcribes and speaks, and the offline engines' bounds. The largest recording is
 * {@code MAX_UPLOAD_BYTES}, for every upload.
 *
 * @param provider {@code SPEECH_PROVIDER}: {@code local} (Vosk and FreeTTS, offline), {@code openai}
 *     or {@code deepgram}; a provider without its key, or failing, is answered for by {@code local},
 *     and the response says so
 * @param maxSeconds {@code AUDIO_MAX_SECONDS}: the longest recording transcribed; longer ones get 413
 * @param threads {@code SPEECH_THREADS}: recognitions, and separately syntheses, run at once
 * @param preload {@code PRELOAD_OFFLINE_ENGINES}: load the engines in the background after start-up
 * @param engineWaitSeconds {@code OFFLINE_ENGINE_WAIT_SECONDS}: how long a request waits for a busy
 *     engine before a 503
 * @param timeoutSeconds {@code SPEECH_TIMEOUT_SECONDS}: the longest a provider may take
 * @param ttsMaxChars {@code TTS_MAX_CHARS}: the most characters of a text spoken (after its Markdown
 *     marks are left out); a longer text is spoken up to the last whole sentence that fits
 * @param ttsMaxSeconds {@code TTS_MAX_SECONDS}: the longest audio the offline voice makes of one
 *     text; it stops there
 */
@Validated
@ConfigurationProperties("support.speech")
record SpeechSettings(@Pattern(regexp = "local|openai|deepgram", message = "one of local, openai, deepgram") String provider,
        @Min(1) @Max(3600) int maxSeconds, @Min(1) @Max(64) int threads, boolean preload,
        @Min(0) @Max(600) int engineWaitSeconds, @Min(1) @Max(600) int timeoutSeconds, @Valid OpenAi openai,
        @Valid Deepgram deepgram, @Min(1) @Max(100_000) int ttsMaxChars, @Min(1) @Max(3600) int ttsMaxSeconds) {

    /**
     * @param apiKey {@code OPENAI_API_KEY}, as for chat
     * @param baseUrl {@code OPENAI_BASE_URL}, as for chat (with its {@code /v1})
     * @param transcriptionModel {@code OPENAI_TRANSCRIPTION_MODEL}
     * @param speechModel {@code OPENAI_SPEECH_MODEL}
     * @param voice {@code OPENAI_SPEECH_VOICE}: used when a request names none of OpenAI's voices
     */
    record OpenAi(@Nullable String apiKey, @Nullable String baseUrl, @NotBlank String transcriptionModel, @NotBlank String speechModel,
            @NotBlank String voice) {

        boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "OpenAi[apiKey=" + (hasApiKey() ? "***" : "") + ", baseUrl=" + baseUrl + ", transcriptionModel="
                    + transcriptionModel + ", speechModel=" + speechModel + ", voice=" + voice + "]";
        }
    }

    /**
     * @param apiKey {@code DEEPGRAM_API_KEY}
     * @param baseUrl {@code DEEPGRAM_BASE_URL}: Deepgram's API, or a gateway in front of it
     * @param transcriptionModel {@code DEEPGRAM_TRANSCRIPTION_MODEL}
     * @param voice {@code DEEPGRAM_VOICE}: used when a request names no {@code aura} voice
     */
    record Deepgram(@Nullable String apiKey,
            @Pattern(regexp = "\\s*https?://\\S+\\s*", message = "an http:// or https:// URL such as "
                    + "https://api.deepgram.com") String baseUrl, @NotBlank String transcriptionModel,
            @NotBlank String voice) {

        boolean hasApiKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "Deepgram[apiKey=" + (hasApiKey() ? "***" : "") + ", baseUrl=" + baseUrl + ", transcriptionModel="
                    + transcriptionModel + ", voice=" + voice + "]";
        }
    }
}
