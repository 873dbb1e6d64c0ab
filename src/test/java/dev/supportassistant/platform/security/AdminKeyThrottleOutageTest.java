package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

import dev.supportassistant.platform.ratelimit.RateLimiter;

/**
 * On PostgreSQL the wrong admin keys are counted in the database: while it cannot be reached, a
 * request with a key is answered 503 with Retry-After, as every request that needs the database,
 * never 500 and never let through uncounted.
 */
class AdminKeyThrottleOutageTest {

    private static final String KEY = "test-admin-key-0123456789abcdef-0123456789";

    @Test
    void aKeyIsAnswered503WhileTheDatabaseThatCountsAttemptsIsUnreachable() throws Exception {
        DelegatingDataSource unreachable = new DelegatingDataSource(new JdbcDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection to db.example:5432 refused", "08001");
            }
        };
        OperatorKeyFilter filter = new OperatorKeyFilter(new SecuritySettings(KEY, null, "HS256", 30, List.of()),
                RateLimiter.onPostgres(unreachable, Clock.systemUTC()),
                new SecurityRefusals(new DefaultHandlerExceptionResolver()));
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/agent/switch");
        request.addHeader("X-API-Key", KEY);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain rest = new MockFilterChain();

        filter.doFilter(request, response, rest);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getErrorMessage()).contains("database is unavailable");
        assertThat(rest.getRequest()).as("not let through").isNull();
    }
}
