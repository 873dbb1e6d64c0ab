package dev.supportassistant.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A body declared over the limit is refused before it is read, with the problem detail every error
 * has; an upload's also carries {@code success} and {@code error}, which the original frontend reads.
 */
class RequestSizeFilterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RequestSizeFilter filter = new RequestSizeFilter(new RequestLimits(2048, 4000, 4096), JSON);

    private static JsonNode refused(RequestSizeFilter filter, String path, String contentType, int bytes)
            throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setContentType(contentType);
        request.setContent(new byte[bytes]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        return JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void anOversizedUploadIsAProblemWithSuccessFalseAndError() throws Exception {
        JsonNode problem = refused(filter, "/api/v1/screenshots", "multipart/form-data; boundary=x", 5000);

        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).isEqualTo("Request body larger than 4096 bytes");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/screenshots");
        assertThat(problem.get("success").asBoolean(true)).isFalse();
        assertThat(problem.get("error").asString()).isEqualTo("Request body larger than 4096 bytes");
    }

    @Test
    void anOversizedJsonBodyIsAPlainProblem() throws Exception {
        JsonNode problem = refused(filter, "/api/v1/chat", "application/json", 3000);

        assertThat(problem.get("title").asString()).isEqualTo("Content Too Large");
        assertThat(problem.get("detail").asString()).isEqualTo("Request body larger than 2048 bytes");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/chat");
        assertThat(problem.has("success")).isFalse();
    }

    @Test
    void aFormWithoutADeclaredLengthIsRefused() throws Exception {
        // The container reads a form by itself, past the counting stream: only a declared length can be checked.
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/desk/sign-in");
        request.setContentType("application/x-www-form-urlencoded");
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent("name=bob".getBytes(StandardCharsets.UTF_8));
        request.removeHeader("Content-Length");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        }, response, chain);

        assertThat(chain.getRequest()).as("passed on").isNull();
        assertThat(response.getStatus()).isEqualTo(411);
        assertThat(JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("Content-Length");
    }
}
