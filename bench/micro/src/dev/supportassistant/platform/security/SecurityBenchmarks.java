package dev.supportassistant.platform.security;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletContext;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;

import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.platform.config.ApiSettings;
import tools.jackson.databind.json.JsonMapper;

/**
 * JMH: what the API's security filter chain costs one request, by the credential it carries,
 * from the request to the controller (the chain alone, no servlet container, no Spring MVC).
 * Run with {@code bench/micro/run.sh Security}; not a test.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SecurityBenchmarks {

    private static final String ADMIN_KEY = "bench-admin-key-0123456789abcdef-0123456789";

    /**
     * The API's security as the service configures it, with settings given here. A test
     * configuration, so that the service's tests, which scan the whole package tree, leave it out.
     */
    @TestConfiguration(proxyBeanMethods = false)
    @EnableWebSecurity
    @Import({ApiSecurityConfiguration.class, AccessRules.class, SliceRateLimits.class})
    static class Chain {

        @Bean
        SecuritySettings securitySettings() {
            return new SecuritySettings(ADMIN_KEY, CustomerTokensForTests.SECRET_KEY, "HS256", 30, List.of());
        }

        @Bean
        ApiSettings apiSettings() {
            return new ApiSettings("127.0.0.1", 8000, false, List.of("http://localhost:3000"));
        }

        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }

    private AnnotationConfigWebApplicationContext context;
    private FilterChainProxy chain;
    private String customerToken;

    @Setup(Level.Trial)
    public void start() {
        context = new AnnotationConfigWebApplicationContext();
        context.setServletContext(new MockServletContext());
        context.register(Chain.class);
        context.refresh();
        chain = context.getBean(FilterChainProxy.class);
        customerToken = CustomerTokensForTests.tokenFor("ada");
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }

    private MockHttpServletResponse call(String method, String path, String header, String value)
            throws IOException, ServletException {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        if (header != null) {
            request.addHeader(header, value);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        chain.doFilter(request, response, new MockFilterChain());
        return response;
    }

    /** The frontend's request: no credential, a customer endpoint. */
    @Benchmark
    public MockHttpServletResponse anonymousCustomerRequest() throws IOException, ServletException {
        return call("POST", "/api/v1/chat", null, null);
    }

    /** A customer's token verified (HMAC) and checked against the rules. */
    @Benchmark
    public MockHttpServletResponse customerWithToken() throws IOException, ServletException {
        return call("POST", "/api/v1/chat", "Authorization", "Bearer " + customerToken);
    }

    /** The operator's key compared, then the operator rule. */
    @Benchmark
    public MockHttpServletResponse operatorWithKey() throws IOException, ServletException {
        return call("GET", "/api/v1/stats", "X-API-Key", ADMIN_KEY);
    }

    /** An anonymous call to an operator endpoint, refused with a problem detail. */
    @Benchmark
    public MockHttpServletResponse operatorEndpointRefused() throws IOException, ServletException {
        return call("GET", "/api/v1/stats", null, null);
    }
}
