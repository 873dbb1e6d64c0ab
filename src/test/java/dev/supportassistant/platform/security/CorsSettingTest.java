package dev.supportassistant.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code CORS_ORIGINS} in the old backend's JSON list form: exactly the listed origins (a trailing
 * slash is no part of an origin) may call. The default origins and {@code *} are in {@link CorsTest}
 * and {@link AnyOriginTest}.
 */
@SecuritySliceTest
@TestPropertySource(properties = "CORS_ORIGINS=[\"https://support.example.com\", \"https://app.example.com/\"]")
class CorsSettingTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void theListedOriginsMayCallAndOthersMayNot() throws Exception {
        mvc.perform(options("/api/v1/chat").header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "https://app.example.com"));
        mvc.perform(options("/api/v1/chat").header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST"))
                .andExpect(status().isForbidden());
    }
}
