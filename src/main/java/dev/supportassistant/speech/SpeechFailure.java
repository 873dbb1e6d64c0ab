package dev.supportassistant.speech;

import org.springframework.web.client.RestClientResponseException;

import com.openai.errors.OpenAIServiceException;

/**
 * One line on why a speech provider failed, from the failure's type and status alone: vendor error
 * messages may echo the request, or part of the key.
 */
final class SpeechFailure {

    private SpeechFailure() {
    }

    static String summary(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpenAIServiceException e) {
                return "HTTP " + e.statusCode();
            }
            if (cause instanceof RestClientResponseException e) {
                return "HTTP " + e.getStatusCode().value();
            }
            if (cause instanceof java.net.http.HttpTimeoutException || cause instanceof java.io.InterruptedIOException) {
                return "timed out";
            }
            if (cause instanceof java.io.IOException) {
                return "connection failed";
            }
        }
        return failure.getClass().getSimpleName();
    }
}
