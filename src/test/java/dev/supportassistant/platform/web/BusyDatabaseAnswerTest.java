package dev.supportassistant.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.supportassistant.platform.database.AdmittingDataSource;

/**
 * A database too busy to take another caller is a 503 with Retry-After, also when the refusal
 * comes as the failure to open a transaction: under a sustained 500 requests/s, storing a message
 * was refused that way and answered 500 ({@code DatabaseRefusalTest} shows the refusal's shape).
 */
class BusyDatabaseAnswerTest {

    @Test
    void itIsAnsweredServiceUnavailableNotInternalServerError() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new RefusedController())
                .setControllerAdvice(new ApiExceptionHandler()).build();

        mvc.perform(post("/refused"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(
                        "The service is too busy to take this request now; try again in a moment"));
    }

    @RestController
    static class RefusedController {
        @PostMapping("/refused")
        void refuse() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new AdmittingDataSource.Busy("2000 others are already waiting"));
        }
    }
}
