package dev.supportassistant.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingRequestWrapper;

/**
 * Refuses request bodies over {@code MAX_REQUEST_BYTES} (uploads: {@code MAX_UPLOAD_BYTES}): at once when the
 * declared length says so, and while reading when a chunked body runs over, so that no client can make the
 * service buffer an unbounded body. The container reads a form itself, past this counting, so a form must
 * declare its length (411); a chain that reads the form earlier (the desk's CSRF check) runs this filter first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after Spring Security (application.yml), whose headers a 413 carries too
public class RequestSizeFilter extends OncePerRequestFilter {

    private final RequestLimits limits;

    RequestSizeFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = hasType(request, MediaType.MULTIPART_FORM_DATA_VALUE);
        long limit = upload ? limits.maxUploadBytes() : limits.maxRequestBytes();
        String detail = "Request body larger than " + limit + " bytes";
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, upload ? UploadRejectedException.problem(HttpStatus.CONTENT_TOO_LARGE, detail)
                    : ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail));
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null
                && hasType(request, MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            refuse(request, response, ProblemDetail.forStatusAndDetail(HttpStatus.LENGTH_REQUIRED,
                    "A form must declare its length (Content-Length)"));
            return;
        }
        // Spring's caching wrapper counts what is read; its overflow hook is meant for this. Its copy is bounded too.
        chain.doFilter(new ContentCachingRequestWrapper(request, (int) limit) {
            @Override
            protected void handleContentOverflow(int contentCacheLimit) {
                throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
                        ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, detail), null);
            }
        }, response);
    }

    /** Answered through the container's error path ({@link SentErrors}), as every refusal sent there. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        request.setAttribute(SentErrors.PROBLEM, problem);
        response.sendError(problem.getStatus());
    }

    static boolean hasType(HttpServletRequest request, String type) {
        String sent = request.getContentType();
        return sent != null && sent.regionMatches(true, 0, type, 0, type.length());
    }
}
