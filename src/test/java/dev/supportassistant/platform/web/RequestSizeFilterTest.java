package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequestWrapper;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A body declared over the limit is refused before it is read, through the container's error path with the
 * problem detail to answer with ({@link SentErrors}, see {@link RequestSizeTest} for the answer itself); an
 * upload's also carries {@code success} and {@code error}, which the original frontend reads.
 */
class RequestSizeFilterTest {

    private final RequestSizeFilter filter = new RequestSizeFilter(new RequestLimits(2048, 4000, 4096));

    private ProblemDetail refused(MockHttpServletRequest request, int status) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.isCommitted()).as("sent to the error path").isTrue();
        return (ProblemDetail) request.getAttribute(SentErrors.PROBLEM);
    }

    private static MockHttpServletRequest post(String path, String contentType, int bytes) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setContent(new byte[bytes]);
        return request;
    }

    @Test
    void anOversizedUploadIsAProblemWithSuccessFalseAndError() throws Exception {
        ProblemDetail problem = refused(post("/api/v1/screenshots", "multipart/form-data; boundary=x", 5000), 413);

        assertThat(problem.getDetail()).isEqualTo("Request body larger than 4096 bytes");
        assertThat(problem.getProperties()).containsEntry("success", false)
                .containsEntry("error", "Request body larger than 4096 bytes");
    }

    @Test
    void anOversizedJsonBodyIsAPlainProblem() throws Exception {
        ProblemDetail problem = refused(post("/api/v1/chat", "application/json", 3000), 413);

        assertThat(problem.getTitle()).isEqualTo("Content Too Large");
        assertThat(problem.getDetail()).isEqualTo("Request body larger than 2048 bytes");
        assertThat(problem.getProperties()).isNull();
    }

    @Test
    void aFormWithoutADeclaredLengthIsRefused() throws Exception {
        // The container reads a form by itself, past the counting stream: only a declared length can be checked.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/desk/sign-in");
        request.setContentType("application/x-www-form-urlencoded");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent("name=bob".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        }, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(411);
        assertThat(((ProblemDetail) request.getAttribute(SentErrors.PROBLEM)).getDetail()).contains("Content-Length");
    }
}
