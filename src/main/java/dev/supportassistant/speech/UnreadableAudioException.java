package dev.supportassistant.speech;

/** A recording of a known kind that cannot be decoded; answered with 422 by {@link SpeechService}. */
class UnreadableAudioException extends RuntimeException {

    UnreadableAudioException(String why) {
        super(why);
    }
}
