package dev.supportassistant.speech;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;

/** Who turns speech into text and text into speech: the offline engines, OpenAI or Deepgram. */
interface SpeechProvider {

    /** As {@code SPEECH_PROVIDER} names it. */
    String name();

    /** What keeps it from working, naming the variable to set, or empty when it is ready. */
    Optional<String> missingConfiguration();

    /**
     * @param recording the bytes as the browser sent them
     * @param speech the same, decoded (every provider gets a recording that decodes)
     */
    String transcribe(byte[] recording, AudioKind kind, Pcm speech);

    /** @param voice the voice the request asked for, if any; a provider uses its own default for one it does not have */
    SpokenText speak(String text, @Nullable String voice);

    /** Audio an {@code <audio>} element plays; {@code cut} when it stops before the text's end (at {@code TTS_MAX_SECONDS}). */
    record SpokenText(byte[] audio, String mediaType, boolean cut) {

        SpokenText(byte[] audio, String mediaType) {
            this(audio, mediaType, false);
        }
    }
}
