package dev.supportassistant.speech;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.openai.OpenAiAudioSpeechModel;
import org.springframework.ai.openai.OpenAiAudioSpeechOptions;
import org.springframework.ai.openai.OpenAiAudioTranscriptionModel;
import org.springframework.ai.openai.OpenAiAudioTranscriptionOptions;
import org.springframework.core.io.ByteArrayResource;

import com.openai.models.audio.AudioResponseFormat;

import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;

/**
 * OpenAI's audio models through Spring AI: transcriptions ({@code OPENAI_TRANSCRIPTION_MODEL}) of
 * the recording as the browser made it (OpenAI reads WebM, Ogg, MP4 and WAV, told by the file
 * name) and speech ({@code OPENAI_SPEECH_MODEL}) as MP3. The models are built only with a key.
 */
final class OpenAiSpeech implements SpeechProvider {

    private static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "coral", "echo", "fable", "nova",
            "onyx", "sage", "shimmer", "verse");

    private final SpeechSettings.OpenAi settings;
    /** Absent, as the speech model, without {@code OPENAI_API_KEY}: then the offline engines answer. */
    private final @Nullable OpenAiAudioTranscriptionModel transcription;
    private final @Nullable OpenAiAudioSpeechModel speech;

    OpenAiSpeech(SpeechSettings.OpenAi settings, Duration timeout) {
        this.settings = settings;
        if (!settings.hasApiKey()) {
            transcription = null;
            speech = null;
            return;
        }
        String baseUrl = settings.baseUrl() == null || settings.baseUrl().isBlank() ? "https://api.openai.com/v1"
                : settings.baseUrl().strip();
        transcription = OpenAiAudioTranscriptionModel.builder()
                .options(OpenAiAudioTranscriptionOptions.builder().apiKey(settings.apiKey()).baseUrl(baseUrl)
                        .model(settings.transcriptionModel()).responseFormat(AudioResponseFormat.TEXT)
                        .timeout(timeout).maxRetries(0).build())
                .build();
        speech = OpenAiAudioSpeechModel.builder()
                .options(OpenAiAudioSpeechOptions.builder().apiKey(settings.apiKey()).baseUrl(baseUrl)
                        .model(settings.speechModel()).voice(settings.voice()).responseFormat("mp3")
                        .timeout(timeout).maxRetries(0).build())
                .build();
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return settings.hasApiKey() ? Optional.empty() : Optional.of("OPENAI_API_KEY is not set");
    }

    @Override
    public String transcribe(byte[] recording, AudioKind kind, Pcm decoded) {
        ByteArrayResource file = new ByteArrayResource(recording) {
            @Override
            public String getFilename() {
                return "audio." + kind.extension();
            }
        };
        String text = transcription.call(new AudioTranscriptionPrompt(file)).getResult().getOutput();
        return text == null ? "" : text.strip();
    }

    @Override
    public SpokenText speak(String text, @Nullable String voice) {
        OpenAiAudioSpeechOptions options = OpenAiAudioSpeechOptions.builder().model(settings.speechModel())
                .voice(voice != null && VOICES.contains(voice) ? voice : settings.voice()).responseFormat("mp3")
                .build();
        return new SpokenText(speech.call(new TextToSpeechPrompt(text, options)).getResult().getOutput(), "audio/mpeg");
    }
}
