package dev.supportassistant.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * {@code CORS_ORIGINS=*}: any origin may call, but never with credentials. The default origins are
 * in {@link CorsTest}, a list of origins in {@link CorsSettingTest}.
 */
@SecuritySliceTest
@TestPropertySource(properties = "CORS_ORIGINS=*")
class AnyOriginTest {

    @Autowired
    private MockMvc mvc;

    @Test
    void aWildcardOriginIsAllowedButNeverWithCredentials() throws Exception {
        mvc.perform(options("/api/v1/chat").header("Origin", "https://any.example")
                .header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "content-type"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
        mvc.perform(post("/api/v1/chat").header("Origin", "https://other.example"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"));
    }
}
