package dev.supportassistant.agent.springai;

/** A provider took longer than {@code AI_TIMEOUT_SECONDS}. */
public class ProviderTimeoutException extends RuntimeException {

    public ProviderTimeoutException(String provider) {
        super(provider + " timed out");
    }
}
