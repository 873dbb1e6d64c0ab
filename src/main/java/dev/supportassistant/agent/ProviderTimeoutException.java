package dev.supportassistant.agent;

/** A provider took longer than {@code AI_TIMEOUT_SECONDS}. */
class ProviderTimeoutException extends RuntimeException {

    ProviderTimeoutException(String provider) {
        super(provider + " timed out");
    }
}
