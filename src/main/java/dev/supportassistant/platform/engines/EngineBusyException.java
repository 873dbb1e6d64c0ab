package dev.supportassistant.platform.engines;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.platform.web.UploadRejectedException;

/**
 * 503 with {@code Retry-After}: every instance of an offline engine (OCR, speech recognition,
 * speech synthesis) stayed busy for as long as a request may wait, so this one gives up its place
 * rather than queue behind an ever longer line on a machine with few cores.
 */
public class EngineBusyException extends ErrorResponseException {

    static final int RETRY_AFTER_SECONDS = 5;

    EngineBusyException(String engine) {
        super(HttpStatus.SERVICE_UNAVAILABLE, UploadRejectedException.problem(HttpStatus.SERVICE_UNAVAILABLE,
                "The " + engine + " is busy; try again in a moment"), null);
        getHeaders().set("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
    }
}
