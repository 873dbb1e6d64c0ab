package dev.supportassistant.speech;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.vosk.LibVosk;
import org.vosk.LogLevel;
import org.vosk.Model;
import org.vosk.Recognizer;

import dev.supportassistant.platform.engines.BundledModels;
import dev.supportassistant.platform.engines.EnginePool;
import dev.supportassistant.speech.audio.Pcm;

import tools.jackson.databind.json.JsonMapper;

/**
 * Speech to text with Vosk, offline, with its small English model (bundled at build, 68 MB, loaded
 * once in about two seconds). The model is shared and thread-safe; each recognition takes one of at
 * most {@code SPEECH_THREADS} recognizers, since each keeps a core busy while it runs.
 *
 * <p>One model and pool serve the whole JVM, like the embedding model: they hold native memory and
 * nothing of an application context, and tests start many contexts.
 */
final class SpeechRecognizer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static @Nullable Model model;
    private static @Nullable EnginePool<Recognizer> shared;

    private final EnginePool<Recognizer> recognizers;

    SpeechRecognizer(int threads, Duration wait) {
        this.recognizers = pool(threads, wait);
    }

    private static synchronized EnginePool<Recognizer> pool(int threads, Duration wait) {
        if (shared == null) {
            shared = new EnginePool<>("speech recognizer", threads, wait, SpeechRecognizer::recognizer);
        }
        return shared;
    }

    private static synchronized Model model() {
        if (model == null) {
            LibVosk.setLogLevel(LogLevel.WARNINGS);
            try {
                model = new Model(BundledModels.folder("vosk").toString());
            } catch (IOException unreadable) {
                throw new UncheckedIOException("Vosk could not load its model", unreadable);
            }
        }
        return model;
    }

    private static Recognizer recognizer() {
        try {
            return new Recognizer(model(), Pcm.RATE);
        } catch (IOException broken) {
            throw new UncheckedIOException("Vosk could not start a recognizer", broken);
        }
    }

    /** Loads the model now (in the background after start-up), so the first recording does not wait. */
    void warmUp() {
        recognizers.warmUp();
    }

    /** The words spoken, lower case, without punctuation (as Vosk writes them); empty for silence. */
    String transcribe(Pcm speech) {
        return recognizers.use(recognizer -> {
            try {
                recognizer.acceptWaveForm(speech.samples(), speech.samples().length);
                return JSON.readTree(recognizer.getFinalResult()).path("text").asString("").strip();
            } finally {
                recognizer.reset();
            }
        });
    }
}
