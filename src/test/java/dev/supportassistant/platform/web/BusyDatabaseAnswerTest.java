package dev.supportassistant.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A database too busy to take another caller is a 503 with Retry-After, also when the refusal
 * comes as the failure to open a transaction: under a sustained 500 requests/s, storing a message
 * was refused that way and answered 500 ({@code DatabaseRefusalTest} shows the refusal's shape, the
 * pool's timeout with nothing behind it). The same timeout with a failure to connect behind it is
 * the database being unavailable.
 */
class BusyDatabaseAnswerTest {

    @Test
    void itIsAnsweredServiceUnavailableNotInternalServerError() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new RefusedController())
                .setControllerAdvice(new ApiExceptionHandler()).build();

        mvc.perform(post("/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value(
                        "The service is too busy to take this request now; try again in a moment"));
        mvc.perform(post("/down"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.detail").value("The service's database is unavailable; try again in a moment"));
    }

    @RestController
    static class RefusedController {
        @PostMapping("/busy")
        void busy() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                            + "out after 1000ms (total=1, active=1, idle=0, waiting=12)"));
        }

        @PostMapping("/down")
        void down() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed "
                            + "out after 1000ms (total=0, active=0, idle=0, waiting=0)", "08001",
                            new ConnectException("Connection refused")));
        }
    }
}
