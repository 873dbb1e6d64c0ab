package dev.supportassistant.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An uploaded file (a screenshot, a recording, a document) or a speech request that cannot be used: a problem
 * detail plus {@code "success": false} and {@code "error"}, which the original frontend reads on its uploads.
 */
public class UploadRejectedException extends ErrorResponseException {

    private UploadRejectedException(HttpStatus status, String detail) {
        super(status, problem(status, detail), null);
    }

    /** 400: nothing was sent, or a required field is blank. */
    public static UploadRejectedException empty(String detail) {
        return new UploadRejectedException(HttpStatus.BAD_REQUEST, detail);
    }

    /** 415: the bytes are not of a kind the endpoint takes (told from the bytes, not the name). */
    public static UploadRejectedException unsupported(String detail) {
        return new UploadRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
    }

    /** 413: too many bytes, pixels or seconds. */
    public static UploadRejectedException tooLarge(String detail) {
        return new UploadRejectedException(HttpStatus.CONTENT_TOO_LARGE, detail);
    }

    /** 422: the right kind of file, but broken. */
    public static UploadRejectedException unreadable(String detail) {
        return new UploadRejectedException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    /** The problem detail of a refused upload, for the other refusals the upload endpoints answer with. */
    public static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("success", false);
        problem.setProperty("error", detail);
        return problem;
    }
}
