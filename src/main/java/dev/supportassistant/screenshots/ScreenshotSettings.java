package dev.supportassistant.screenshots;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Screenshots and their OCR. The largest file is {@code MAX_UPLOAD_BYTES}, for every upload.
 *
 * @param retentionDays {@code SCREENSHOT_RETENTION_DAYS}: screenshots older than this are deleted
 *     (with their conversation at the latest)
 * @param maxPixels {@code SCREENSHOT_MAX_PIXELS}: the most pixels an image may declare (width times
 *     height); larger ones get 413 before they are decoded. 40 million fits an 8K screen. Decoded,
 *     an image may take at most four bytes a pixel of this ({@link #maxDecodedBytes()})
 * @param ocrThreads {@code OCR_THREADS}: screenshots read at once; more wait, and after
 *     {@code OFFLINE_ENGINE_WAIT_SECONDS} get 503
 * @param preload {@code PRELOAD_OFFLINE_ENGINES}: load the OCR engine in the background after
 *     start-up, so the first screenshot does not wait for it
 * @param engineWaitSeconds {@code OFFLINE_ENGINE_WAIT_SECONDS}: how long a request waits for a busy engine
 * @param watch {@code SCREEN_WATCH}: compare each capture of a conversation with the one before, and
 *     speak up once about each new error message that appears on the customer's screen
 * @param guidanceMinutes {@code SCREEN_GUIDANCE_MINUTES}: how old a conversation's latest screenshot
 *     may be for providers to be told its labels and for a reply to point at them
 */
@Validated
@ConfigurationProperties("support.screenshots")
record ScreenshotSettings(@Min(1) @Max(3650) int retentionDays, @Min(1) @Max(400_000_000) long maxPixels,
        @Min(1) @Max(64) int ocrThreads, boolean preload, @Min(0) @Max(600) int engineWaitSeconds, boolean watch,
        @Min(1) @Max(1440) int guidanceMinutes) {

    /**
     * The most bytes a decoded screenshot may take: {@code SCREENSHOT_MAX_PIXELS} of 8-bit RGBA, four
     * bytes each, which every screen the pixel limit lets through fits; an image of deeper pixels
     * (16-bit colour: up to eight bytes each) may have proportionally fewer.
     */
    long maxDecodedBytes() {
        return maxPixels * 4;
    }
}
