package dev.supportassistant.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The interceptor alone, on a clock the test moves: who a budget counts, how much it holds, when
 * it refills, and what a refusal says. {@link RateLimitIT} shows the real endpoints carry it.
 */
class RateLimitInterceptorTest {

    /** Tells the interceptor who calls from two test headers; the address is the request's own. */
    private static final RequestClients CLIENTS = request -> new RequestClients.Client(request.getHeader("user"),
            null, request.getHeader("admin") != null, request.getRemoteAddr());

    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Endpoints())
            .addInterceptors(new RateLimitInterceptor(RateLimiter.inMemory(new Clock() {
                        @Override
                        public Instant instant() {
                            return now;
                        }

                        @Override
                        public ZoneId getZone() {
                            return ZoneOffset.UTC;
                        }

                        @Override
                        public Clock withZone(ZoneId zone) {
                            return this;
                        }
                    }), new RateLimitSettings(2, 1, 0), CLIENTS))
            .build();

    @Test
    void aClientMayBurstUpToItsBudgetAndIsThenToldWhenToComeBack() throws Exception {
        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(200);
        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(200);

        MvcResult refused = call("/chat");

        assertThat(refused.getResponse().getStatus()).isEqualTo(429);
        // Two a minute refill one every 30 s.
        assertThat(refused.getResponse().getHeader("Retry-After")).isEqualTo("30");
        assertThat(((ErrorResponseException) refused.getResolvedException()).getBody().getDetail())
                .isEqualTo("Too many requests: at most 2 a minute; try again in 30 seconds");
    }

    @Test
    void theBudgetRefillsAtItsPaceWithNoWindowEdgeThatDoublesIt() throws Exception {
        call("/chat");
        call("/chat");
        now = now.plus(Duration.ofSeconds(29));
        assertThat(call("/chat").getResponse().getHeader("Retry-After")).isEqualTo("1");

        now = now.plus(Duration.ofSeconds(1));

        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(200);
        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void eachLimitIsABudgetOfItsOwnAndEndpointsNamingOneShareIt() throws Exception {
        call("/chat");
        call("/stream");
        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(429);

        assertThat(call("/token").getResponse().getStatus()).isEqualTo(200);
        assertThat(call("/token").getResponse().getStatus()).isEqualTo(429);
    }

    @Test
    void aLimitOfZeroIsOffAndUnmarkedEndpointsAreNotLimited() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(call("/media").getResponse().getStatus()).isEqualTo(200);
            assertThat(call("/free").getResponse().getStatus()).isEqualTo(200);
        }
    }

    @Test
    void aCustomerIsCountedByTheirIdWhereverTheyCallFromAndOperatorsNotAtAll() throws Exception {
        call("/chat");
        call("/chat");
        assertThat(call("/chat").getResponse().getStatus()).isEqualTo(429);

        // Same address: a customer's token gives them a budget of their own, kept across addresses.
        assertThat(call(post("/chat").header("user", "grace")).getResponse().getStatus()).isEqualTo(200);
        assertThat(call(post("/chat").header("user", "grace").with(request -> {
            request.setRemoteAddr("192.0.2.9");
            return request;
        })).getResponse().getStatus()).isEqualTo(200);
        assertThat(call(post("/chat").header("user", "grace")).getResponse().getStatus()).isEqualTo(429);
        for (int i = 0; i < 3; i++) {
            assertThat(call(post("/chat").header("admin", "yes")).getResponse().getStatus()).isEqualTo(200);
        }
    }

    private MvcResult call(String path) throws Exception {
        return call(post(path));
    }

    private MvcResult call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn();
    }

    @RestController
    static class Endpoints {

        @RateLimited(RateLimited.Limit.CHAT)
        @PostMapping("/chat")
        void chat() {
        }

        @RateLimited(RateLimited.Limit.CHAT)
        @PostMapping("/stream")
        void stream() {
        }

        @RateLimited(RateLimited.Limit.TOKEN)
        @PostMapping("/token")
        void token() {
        }

        @RateLimited(RateLimited.Limit.MEDIA)
        @PostMapping("/media")
        void media() {
        }

        @PostMapping("/free")
        void free() {
        }
    }
}
