package dev.supportassistant.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;

import dev.supportassistant.Documentation;

/**
 * Without keys the operator's endpoints, {@code /actuator} (but the probes) and the desk are off:
 * every caller gets 403, not the 401 of a missing credential, and the manual says so. (With keys,
 * anonymous callers get 401: {@code ManagementEndpointsTest}, {@code HandoffApiTest}.)
 */
class AccessWithoutKeysTest {

    private final SecuritySettings noKeys = new SecuritySettings(null, null, "HS256", 30, List.of());
    private final ApiSettings production = new ApiSettings("127.0.0.1", 8000, false, List.of());
    private final CallerResolver callers = new CallerResolver(noKeys, new CustomerTokens(noKeys), new AdminKeyAttempts());

    @StaffOnly
    static class Desk {
        public void queue() {
        }
    }

    @Test
    void metricsAndOperatorEndpointsAnswer403AsTheManualSays() {
        var refusal = new AdminKeyCheck(noKeys, production, callers).refusal(new MockHttpServletRequest());

        assertThat(refusal).get().satisfies(error -> assertThat(error.getStatusCode().value()).isEqualTo(403));
        assertThat(Documentation.section("docs/observability.md", "Health probes and the management port"))
                .contains("else `401`; while no `ADMIN_API_KEY` is set they answer `403`");
    }

    @Test
    void theDeskAnswers403AsTheManualSays() throws NoSuchMethodException {
        HandlerMethod queue = new HandlerMethod(new Desk(), Desk.class.getMethod("queue"));

        assertThatThrownBy(() -> new StaffAccessInterceptor(noKeys, production, callers)
                .preHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), queue))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        error -> assertThat(error.getStatusCode().value()).isEqualTo(403));
        assertThat(Documentation.section("docs/human-handoff.md", "The support desk")).contains("Customers get 403, anonymous callers 401;\n"
                + "while neither `ADMIN_API_KEY` nor `SECRET_KEY` is set the desk is off and answers 403");
    }
}
