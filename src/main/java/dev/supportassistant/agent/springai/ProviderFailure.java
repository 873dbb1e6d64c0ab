package dev.supportassistant.agent.springai;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import com.anthropic.errors.AnthropicInvalidDataException;
import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;


/**
 * What went wrong in a provider call, told from the exception's type and HTTP status alone: the
 * one line a reply's metadata shows, whether another attempt may help, and how long the provider
 * asked us to wait. Exception messages are never used, since vendor errors may echo the request or
 * the key's prefix.
 *
 * <p>This is the one class that knows the vendor SDKs' exception types; a new provider whose
 * failures it does not recognise is still reported, by exception type, and not retried.
 *
 * @param summary one line without secrets, e.g. {@code "HTTP 429 (rate limited)"}
 * @param cause the kind of failure as one of a few fixed words, for metrics tags: {@code rate_limited},
 *     {@code server_error}, {@code credentials}, {@code not_found}, {@code rejected}, {@code timeout},
 *     {@code stream_cut}, {@code malformed_response}, {@code connection}, {@code other}
 * @param retryable a 429, a 5xx or a broken connection: trying again may succeed
 * @param retryAfter the wait the provider asked for in {@code Retry-After}, if any
 */
public record ProviderFailure(String summary, String cause, boolean retryable, Optional<Duration> retryAfter) {

    public static ProviderFailure of(Throwable failure) {
        // The SDK's read timeout equals ours, so a hung provider may surface as the SDK's I/O error
        // (a SocketTimeoutException inside) rather than as our own timeout: both are a timeout.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.InterruptedIOException) {
                return new ProviderFailure("timed out", "timeout", false, Optional.empty());
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OpenAIServiceException e) {
                return http(e.statusCode(), retryAfter(e.headers().values("retry-after-ms"),
                        e.headers().values("retry-after")));
            }
            if (cause instanceof AnthropicServiceException e) {
                return http(e.statusCode(), retryAfter(e.headers().values("retry-after-ms"),
                        e.headers().values("retry-after")));
            }
            if (cause instanceof RestClientResponseException e) {
                return http(e.getStatusCode().value(), retryAfter(e.getResponseHeaders()));
            }
            if (cause instanceof WebClientResponseException e) {
                return http(e.getStatusCode().value(), retryAfter(e.getHeaders()));
            }
            if (cause instanceof ProviderTimeoutException || cause instanceof TimeoutException) {
                return new ProviderFailure("timed out", "timeout", false, Optional.empty());
            }
            if (cause instanceof StreamCutException) {
                return new ProviderFailure("stream ended before the reply was finished", "stream_cut", false,
                        Optional.empty());
            }
            if (cause instanceof OpenAIInvalidDataException || cause instanceof AnthropicInvalidDataException
                    || cause instanceof MalformedReplyException
                    || cause instanceof com.fasterxml.jackson.core.JacksonException
                    || cause instanceof tools.jackson.core.JacksonException
                    || cause instanceof org.springframework.http.converter.HttpMessageNotReadableException) {
                return new ProviderFailure("malformed response", "malformed_response", false, Optional.empty());
            }
            if (cause instanceof OpenAIIoException || cause instanceof AnthropicIoException
                    || cause instanceof IOException) {
                return new ProviderFailure("connection failed", "connection", true, Optional.empty());
            }
        }
        if (failure instanceof RestClientException) {
            return new ProviderFailure("request failed", "other", false, Optional.empty());
        }
        return new ProviderFailure(failure.getClass().getSimpleName(), "other", false, Optional.empty());
    }

    private static ProviderFailure http(int status, Optional<Duration> retryAfter) {
        String meaning = switch (status) {
            case 401, 403 -> "credentials rejected";
            case 404 -> "model or endpoint not found";
            case 408 -> "request timeout";
            case 429 -> "rate limited";
            default -> status >= 500 ? "provider error" : "request rejected";
        };
        String cause = switch (status) {
            case 401, 403 -> "credentials";
            case 404 -> "not_found";
            case 408 -> "timeout";
            case 429 -> "rate_limited";
            default -> status >= 500 ? "server_error" : "rejected";
        };
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new ProviderFailure("HTTP " + status + " (" + meaning + ")", cause, retryable, retryAfter);
    }

    private static Optional<Duration> retryAfter(@Nullable HttpHeaders headers) {
        return headers == null ? Optional.empty()
                : retryAfter(headers.getOrEmpty("retry-after-ms"), headers.getOrEmpty("Retry-After"));
    }

    /** {@code retry-after-ms} (OpenAI's and Anthropic's own), else {@code Retry-After} in seconds or as a date. */
    static Optional<Duration> retryAfter(List<String> millis, List<String> standard) {
        if (!millis.isEmpty()) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get(0).strip())));
            } catch (NumberFormatException ignored) {
                // fall through to the standard header
            }
        }
        if (standard.isEmpty()) {
            return Optional.empty();
        }
        String value = standard.get(0).strip();
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException unreadable) {
                return Optional.empty();
            }
        }
    }
}
