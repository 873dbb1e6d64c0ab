package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import dev.supportassistant.Documentation;
import dev.supportassistant.platform.config.ApiSettings;

/**
 * Without keys the operator's endpoints, {@code /actuator} (but the probes) and the desk are off:
 * every caller gets 403, not the 401 of a missing credential, and the manual says so; with
 * {@code DEBUG=true} they are open for development. (With keys, anonymous callers get 401:
 * {@code AdminAccessTest}, {@code ManagementEndpointsTest}, {@code HandoffApiTest}.)
 */
class AccessWithoutKeysTest {

    private final AccessRules noKeys = new AccessRules(new SecuritySettings(null, null, "HS256", 30, List.of()),
            new ApiSettings("127.0.0.1", 8000, false, List.of()), new MockEnvironment(), "/actuator");

    private static final Supplier<Authentication> ANONYMOUS = () -> new AnonymousAuthenticationToken("key",
            "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

    private static int refusedWith(AuthorizationResult result) {
        assertThat(result).isInstanceOf(Refusal.class);
        return ((Refusal) result).getStatusCode().value();
    }

    @Test
    void metricsAndOperatorEndpointsAnswer403AsTheManualSays() {
        assertThat(refusedWith(noKeys.operatorDecision(ANONYMOUS))).isEqualTo(403);
        assertThat(refusedWith(noKeys.operatorDecision(OperatorKeyFilter::operator))).isEqualTo(403);
        assertThat(Documentation.section("docs/observability.md", "Health probes and the management port"))
                .contains("else `401`; while no `ADMIN_API_KEY` is set they answer `403`");
    }

    @Test
    void theDeskAnswers403AsTheManualSays() {
        assertThat(refusedWith(noKeys.staffDecision(ANONYMOUS))).isEqualTo(403);
        assertThat(Documentation.section("docs/human-handoff.md", "The support desk"))
                .contains("Customers get 403, anonymous callers 401;\n"
                + "while neither `ADMIN_API_KEY` nor `SECRET_KEY` is set the desk is off and answers 403");
    }

    @Nested
    @SecuritySliceTest
    @TestPropertySource(properties = {"ADMIN_API_KEY=", "SECRET_KEY="})
    class InProduction {

        @Autowired
        private MockMvc mvc;

        @Test
        void operatorEndpointsAreClosedTellingTheOperatorWhatToSet() throws Exception {
            mvc.perform(post("/api/v1/agent/switch").header("X-API-Key", "anything"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(containsString("set ADMIN_API_KEY")));
        }

        @Test
        void theDeskIsClosedTellingTheOperatorWhatToSet() throws Exception {
            mvc.perform(get("/api/v1/desk/conversations"))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.detail").value(
                            containsString("set ADMIN_API_KEY or SECRET_KEY")));
        }
    }

    @Nested
    @SecuritySliceTest
    @TestPropertySource(properties = {"ADMIN_API_KEY=", "SECRET_KEY=", "DEBUG=true"})
    class InDebugMode {

        @Autowired
        private MockMvc mvc;

        @Test
        void operatorAndDeskEndpointsAreOpen() throws Exception {
            mvc.perform(post("/api/v1/agent/switch")).andExpect(status().isOk());
            mvc.perform(get("/api/v1/desk/conversations")).andExpect(status().isOk());
        }
    }
}
