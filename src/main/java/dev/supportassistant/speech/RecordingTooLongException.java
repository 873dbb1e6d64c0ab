package dev.supportassistant.speech;

/** A recording longer than {@code AUDIO_MAX_SECONDS}; answered with 413 by {@link SpeechService}. */
class RecordingTooLongException extends RuntimeException {

    RecordingTooLongException() {
        super("recording too long");
    }
}
