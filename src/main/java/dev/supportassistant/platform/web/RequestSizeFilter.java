package dev.supportassistant.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code MAX_REQUEST_BYTES} (uploads: {@code MAX_UPLOAD_BYTES}): at once when the
 * declared length says so, and while reading when a chunked body runs over, so that no client can make the
 * service buffer an unbounded body. The container reads a form itself, past this counting, so a form must
 * declare its length (411); a chain that reads the form earlier (the desk's CSRF check) runs this filter first.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3) // after Spring Security (application.yml), whose headers a 413 carries too
public class RequestSizeFilter extends OncePerRequestFilter {

    /** Thrown while reading a body that runs over the limit; answered with 413. */
    static class BodyTooLargeException extends IOException {
        BodyTooLargeException(long limit) {
            super("Request body larger than " + limit + " bytes");
        }
    }

    private final RequestLimits limits;

    RequestSizeFilter(RequestLimits limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = hasType(request, MediaType.MULTIPART_FORM_DATA_VALUE);
        long limit = upload ? limits.maxUploadBytes() : limits.maxRequestBytes();
        if (request.getContentLengthLong() > limit) {
            String detail = new BodyTooLargeException(limit).getMessage();
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
        chain.doFilter(new HttpServletRequestWrapper(request) {
            private @Nullable ServletInputStream limited;

            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited == null) {
                    limited = new LimitedInputStream(super.getInputStream(), limit);
                }
                return limited;
            }
        }, response);
    }

    /** Answered through the container's error path ({@link SentErrors}), as every refusal sent there. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        request.setAttribute(SentErrors.PROBLEM, problem);
        response.sendError(problem.getStatus());
    }

    private static boolean hasType(HttpServletRequest request, String type) {
        String sent = request.getContentType();
        return sent != null && sent.regionMatches(true, 0, type, 0, type.length());
    }

    /** Counts what is read and fails past the limit. */
    private static final class LimitedInputStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedInputStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLargeException {
            read += n;
            if (read > limit) {
                throw new BodyTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
