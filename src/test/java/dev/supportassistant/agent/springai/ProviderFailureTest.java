package dev.supportassistant.agent.springai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.HttpServerErrorException;

/** Telling what failed, whether to retry, and how long the provider asked us to wait. */
class ProviderFailureTest {

    @Test
    void retryAfterInSecondsIsHonoured() {
        assertThat(ProviderFailure.retryAfter(List.of(), List.of("7"))).contains(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterInMillisecondsWins() {
        assertThat(ProviderFailure.retryAfter(List.of("250"), List.of("7"))).contains(Duration.ofMillis(250));
    }

    @Test
    void retryAfterAsADateIsTheTimeUntilThen() {
        String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));

        assertThat(ProviderFailure.retryAfter(List.of(), List.of(inTenSeconds)).orElseThrow())
                .isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
    }

    @Test
    void aServerErrorIsRetryableAndKeepsItsRetryAfter() {
        HttpHeaders headers = new HttpHeaders();
        headers.add("Retry-After", "3");
        ProviderFailure failure = ProviderFailure.of(
                HttpServerErrorException.create(HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable", headers, null, null));

        assertThat(failure.summary()).isEqualTo("HTTP 503 (provider error)");
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void aTimeoutIsNotRetriedAgainstTheSameDeadline() {
        ProviderFailure failure = ProviderFailure.of(new RuntimeException(new TimeoutException()));

        assertThat(failure.summary()).isEqualTo("timed out");
        assertThat(failure.retryable()).isFalse();
    }

    @Test
    void anUnknownFailureIsReportedByTypeOnlyNeverByMessage() {
        ProviderFailure failure = ProviderFailure.of(new IllegalArgumentException("key sk-secret was rejected"));

        assertThat(failure.summary()).isEqualTo("IllegalArgumentException").doesNotContain("sk-secret");
    }

    @Test
    void aReadTimeoutInsideTheSdksIoErrorIsATimeoutNotABrokenConnection() {
        var failure = new com.openai.errors.OpenAIIoException("read failed",
                new java.net.SocketTimeoutException("timeout"));

        ProviderFailure what = ProviderFailure.of(failure);

        assertThat(what.summary()).isEqualTo("timed out");
        assertThat(what.cause()).isEqualTo("timeout");
        assertThat(what.retryable()).isFalse();
        assertThat(ProviderFailure.of(new com.openai.errors.OpenAIIoException("reset", new java.io.IOException("reset")))
                .summary()).isEqualTo("connection failed");
    }
}
