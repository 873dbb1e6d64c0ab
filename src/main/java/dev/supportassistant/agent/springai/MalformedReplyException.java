package dev.supportassistant.agent.springai;

/** A provider answered, but not with a reply we can use. */
class MalformedReplyException extends RuntimeException {

    MalformedReplyException(String message) {
        super(message);
    }
}
