package dev.supportassistant.platform.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

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

import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request bodies over {@code MAX_REQUEST_BYTES} (file uploads: {@code MAX_UPLOAD_BYTES}): at once when the declared length says so,
 * and while reading when a chunked body runs over, so no client can make the service buffer an
 * unbounded body. The refusal is the problem detail every error has (an upload's with
 * {@code success} and {@code error}, as {@link UploadRejectedException}'s).
 *
 * <p>A form ({@code application/x-www-form-urlencoded}) is read by the servlet container itself,
 * past this filter's counting, as soon as anything asks for a parameter: so a form must declare
 * its length (411 without), and a filter chain that reads parameters before this filter's turn
 * (the desk's, whose CSRF check reads the form) runs this filter first. Public for that.
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
    private final JsonMapper json;

    RequestSizeFilter(RequestLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean upload = isUpload(request);
        long limit = upload ? limits.maxUploadBytes() : limits.maxRequestBytes();
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, new BodyTooLargeException(limit).getMessage(),
                    upload);
            return;
        }
        if (request.getContentLengthLong() < 0 && request.getHeader("Transfer-Encoding") != null && isForm(request)) {
            refuse(request, response, HttpStatus.LENGTH_REQUIRED, "A form must declare its length (Content-Length)",
                    false);
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

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            boolean upload) throws IOException {
        ProblemDetail problem = upload ? UploadRejectedException.tooLarge(detail).getBody()
                : ProblemDetail.forStatusAndDetail(status, detail);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", request.getRequestURI());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }

    private static boolean isUpload(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.regionMatches(true, 0, MediaType.MULTIPART_FORM_DATA_VALUE, 0,
                MediaType.MULTIPART_FORM_DATA_VALUE.length());
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
