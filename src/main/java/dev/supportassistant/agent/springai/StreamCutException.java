package dev.supportassistant.agent.springai;

/** A provider's stream ended before the model said it was done. */
class StreamCutException extends RuntimeException {

    StreamCutException(String message) {
        super(message);
    }
}
