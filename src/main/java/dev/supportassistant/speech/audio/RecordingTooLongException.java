package dev.supportassistant.speech.audio;

/** A recording longer than {@code AUDIO_MAX_SECONDS}; answered with 413 by {@code SpeechService}. */
public class RecordingTooLongException extends RuntimeException {

    RecordingTooLongException() {
        super("recording too long");
    }
}
