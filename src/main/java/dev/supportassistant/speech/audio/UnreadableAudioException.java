package dev.supportassistant.speech.audio;

/** A recording of a known kind that cannot be decoded; answered with 422 by {@code SpeechService}. */
public class UnreadableAudioException extends RuntimeException {

    UnreadableAudioException(String why) {
        super(why);
    }
}
