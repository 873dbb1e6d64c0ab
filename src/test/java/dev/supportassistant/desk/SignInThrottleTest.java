package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.supportassistant.platform.ratelimit.RateLimiter;

/** A sign-in the throttle refuses never reaches the password check (the rest of the filter chain). */
class SignInThrottleTest {

    private final SignInThrottle throttle = new SignInThrottle(new SignInAttempts(RateLimiter.inMemory(Clock.systemUTC())),
            request -> "ip:" + request.getRemoteAddr());

    private MockFilterChain signIn(String name) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/desk/sign-in");
        request.setServletPath("/desk/sign-in");
        request.addParameter("name", name);
        request.addParameter("password", "some password or other");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        throttle.doFilter(request, response, chain);
        if (chain.getRequest() == null) {
            assertThat(response.getRedirectedUrl()).startsWith("/desk/sign-in?");
        }
        return chain;
    }

    @Test
    void whileTheDatabaseThatCountsSignInsIsUnreachableASignInIsAnswered503() throws Exception {
        DelegatingDataSource unreachable = new DelegatingDataSource(new JdbcDataSource()) {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("Connection to db.example:5432 refused", "08001");
            }
        };
        SignInThrottle onPostgres = new SignInThrottle(new SignInAttempts(RateLimiter.onPostgres(unreachable,
                Clock.systemUTC())), request -> "ip:" + request.getRemoteAddr());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/desk/sign-in");
        request.setServletPath("/desk/sign-in");
        request.addParameter("name", "bob");
        request.addParameter("password", "his password");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        onPostgres.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(chain.getRequest()).as("no password checked").isNull();
    }

    @Test
    void aNameNoAccountCanHaveIsAWrongNameWithoutALookup() throws Exception {
        for (String name : new String[] {"n".repeat(65), "x".repeat(1_000_000), "bob\u0000", "bob\nadmin", " "}) {
            assertThat(signIn(name).getRequest()).as(name.substring(0, Math.min(name.length(), 10))).isNull();
        }
        assertThat(signIn(" " + "n".repeat(64) + " ").getRequest()).isNotNull();
    }
}
