package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.http.HttpServlet;

import io.micrometer.observation.ObservationRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerMapping;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** While as many turns are on their way as the overload cap allows, new chats are refused before their body is read. */
class OverloadFilterTest {

    private static final Duration TARGET = Duration.ofSeconds(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicLong now = new AtomicLong();
    private final OverloadDetector overload = new OverloadDetector(TARGET, OverloadDetector.LEAST, now::get);
    private final OverloadFilter filter = new OverloadFilter(overload, JSON);

    @Test
    void whileOverloadedAChatIsRefusedWithRetryAfterAndItsBodyIsNeverRead() throws Exception {
        overloaded();
        MockFilterChain rest = new MockFilterChain();

        MockHttpServletRequest request = chat("POST", "/api/v1/chat/stream");
        MockHttpServletResponse response = send(request, rest);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(problem.get("title").asString()).isEqualTo("Service Unavailable");
        assertThat(problem.get("detail").asString()).contains("more messages than it can answer promptly");
        assertThat(problem.get("instance").asString()).isEqualTo("/api/v1/chat/stream");
        assertThat(rest.getRequest()).as("the rest of the chain, the controller included, never ran").isNull();
        assertThat(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))
                .as("the route the request log and metrics name it by").isEqualTo("/api/v1/chat/stream");
    }

    @Test
    void aRefusalIsCountedInTheRequestMetricsUnderItsRoute() throws Exception {
        overloaded();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(context -> true);
        MockHttpServletRequest request = chat("POST", "/api/v1/chat");

        new ServerHttpObservationFilter(observations).doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain(new HttpServlet() { }, filter));

        assertThat(ServerHttpObservationFilter.findObservationContext(request)).hasValueSatisfying(
                context -> assertThat(context.getPathPattern()).isEqualTo("/api/v1/chat"));
    }

    @Test
    void whenTheQueueDrainsChatsGoThrough() throws Exception {
        MockFilterChain rest = new MockFilterChain();

        MockHttpServletResponse response = send("POST", "/api/v1/chat", rest);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(rest.getRequest()).isNotNull();
    }

    @Test
    void onlyNewChatsAreRefusedNotReadingsOrOtherWork() throws Exception {
        overloaded();

        for (String[] call : new String[][] {{"GET", "/api/v1/conversation/abc"}, {"POST", "/api/v1/feedback"},
                {"GET", "/api/v1/health"}, {"POST", "/api/v1/chat/extra"}}) {
            MockFilterChain rest = new MockFilterChain();
            send(call[0], call[1], rest);
            assertThat(rest.getRequest()).as(call[0] + " " + call[1]).isNotNull();
        }
    }

    private MockHttpServletResponse send(String method, String path, MockFilterChain rest) throws Exception {
        return send(chat(method, path), rest);
    }

    private static MockHttpServletRequest chat(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        request.setContentType("application/json");
        request.setContent("{\"message\": \"hello\"}".getBytes());
        return request;
    }

    private MockHttpServletResponse send(MockHttpServletRequest request, MockFilterChain rest) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, rest);
        return response;
    }

    /** As many turns on their way as the cap allows. */
    private void overloaded() {
        for (int i = 0; i < OverloadDetector.LEAST; i++) {
            overload.started();
        }
        assertThat(overload.overloaded()).isTrue();
    }
}
