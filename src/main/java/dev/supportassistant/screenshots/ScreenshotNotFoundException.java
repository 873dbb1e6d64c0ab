package dev.supportassistant.screenshots;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 404 for a screenshot that does not exist, has expired, or is not the caller's to see: the three
 * look the same, so a name reveals nothing. Also for a {@code conversation_id} the caller may not use,
 * and for a {@code ?guidance=} message that is not one of the screenshot's conversation.
 */
class ScreenshotNotFoundException extends ErrorResponseException {

    ScreenshotNotFoundException(String what) {
        this(problem(what + " not found"));
    }

    private ScreenshotNotFoundException(ProblemDetail problem) {
        super(HttpStatus.NOT_FOUND, problem, null);
    }

    /** A message that is not one of the screenshot's conversation (or does not exist). */
    static ScreenshotNotFoundException message() {
        return new ScreenshotNotFoundException(problem(
                "guidance: no message with this id in the screenshot's conversation"));
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
        problem.setProperty("success", false);
        problem.setProperty("error", detail);
        return problem;
    }
}
