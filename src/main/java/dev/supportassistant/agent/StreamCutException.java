package dev.supportassistant.agent;

/** A provider's stream ended before the model said it was done. */
class StreamCutException extends RuntimeException {

    StreamCutException(String message) {
        super(message);
    }
}
