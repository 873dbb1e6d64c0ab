package dev.supportassistant.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The API's filter chain leaves room for chains of other parts of the service, such as the support
 * desk's pages with their own sign-in: one ordered before it takes its own paths, the API's rules
 * stay on the rest, and the API brings no user of its own (no generated password, no login page).
 */
@SecuritySliceTest
class FilterChainsTest {

    /** A chain as a page with its own sign-in would bring: its paths, ordered before the API's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PagesWithTheirOwnSignIn {

        @Bean
        @Order(1)
        SecurityFilterChain pages(HttpSecurity http) throws Exception {
            return http.securityMatcher("/desk/**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().denyAll())
                    .build();
        }
    }

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ApplicationContext context;

    @Test
    void aChainOrderedBeforeTheApisTakesItsOwnPathsAndTheApiKeepsItsRules() throws Exception {
        mvc.perform(get("/desk/queue")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/desk/conversations"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void theApiBringsNoUserAndNoLoginPage() throws Exception {
        assertThat(context.getBeanProvider(UserDetailsService.class).getIfAvailable()).isNull();
        mvc.perform(get("/login")).andExpect(status().isNotFound());
    }
}
