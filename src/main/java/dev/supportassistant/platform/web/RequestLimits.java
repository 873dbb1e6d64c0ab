package dev.supportassistant.platform.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How much one request may carry.
 *
 * @param maxRequestBytes {@code MAX_REQUEST_BYTES}: the largest request body; larger ones get 413
 *     before anything reads them
 * @param maxUploadBytes {@code MAX_UPLOAD_BYTES}: the largest file upload (a multipart body: a
 *     screenshot, a voice recording); larger ones get 413
 * @param maxMessageChars {@code MAX_MESSAGE_CHARS}: the longest customer message; each character
 *     is sent to a paid provider. Characters as people count them: an emoji is one, though Java
 *     stores it in two {@code char}s ({@link #messageTooLong})
 */
@Validated
@ConfigurationProperties("support.limits")
public record RequestLimits(@Min(1024) @Max(104_857_600) long maxRequestBytes, @Min(1) @Max(1_000_000) int maxMessageChars,
        @Min(1024) @Max(104_857_600) long maxUploadBytes) {

    /** Whether {@code text} has more than {@code maxMessageChars} characters (Unicode code points). */
    public boolean messageTooLong(String text) {
        return text.length() > maxMessageChars && text.codePointCount(0, text.length()) > maxMessageChars;
    }
}
