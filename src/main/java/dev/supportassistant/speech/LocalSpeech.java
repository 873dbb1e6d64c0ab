package dev.supportassistant.speech;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;

/** The offline engines: Vosk listens, FreeTTS speaks. Always ready; the fallback of the others. */
final class LocalSpeech implements SpeechProvider {

    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final int maxSeconds;

    LocalSpeech(SpeechSettings settings) {
        Duration wait = Duration.ofSeconds(settings.engineWaitSeconds());
        this.recognizer = new SpeechRecognizer(settings.threads(), wait);
        this.synthesizer = new SpeechSynthesizer(settings.threads(), wait);
        this.maxSeconds = settings.ttsMaxSeconds();
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Optional<String> missingConfiguration() {
        return Optional.empty();
    }

    @Override
    public String transcribe(byte[] recording, AudioKind kind, Pcm speech) {
        return recognizer.transcribe(speech);
    }

    @Override
    public SpokenText speak(String text, @Nullable String voice) {
        SpeechSynthesizer.Speech speech = synthesizer.wav(text, maxSeconds);
        return new SpokenText(speech.wav(), "audio/wav", speech.cut());
    }

    void warmUp() {
        recognizer.warmUp();
        synthesizer.warmUp();
    }
}
