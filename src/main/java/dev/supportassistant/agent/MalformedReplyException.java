package dev.supportassistant.agent;

/** A provider answered, but not with a reply we can use. */
class MalformedReplyException extends RuntimeException {

    MalformedReplyException(String message) {
        super(message);
    }
}
