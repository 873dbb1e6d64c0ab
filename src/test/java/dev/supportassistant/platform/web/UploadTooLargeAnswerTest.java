package dev.supportassistant.platform.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * An upload sent without its length runs over MAX_UPLOAD_BYTES while the multipart body is read; its
 * answer is the one an upload refused by its declared length gets ({@link RequestSizeFilterTest}),
 * with the {@code success} and {@code error} the original frontend reads.
 */
class UploadTooLargeAnswerTest {

    @Test
    void itIsA413WithSuccessFalseAndError() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new UploadController())
                .setControllerAdvice(new ApiExceptionHandler()).build();

        mvc.perform(post("/upload"))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.detail").value("Request body larger than 12582912 bytes"))
                .andExpect(jsonPath("$.success").value(false))
                .andExpect(jsonPath("$.error").value("Request body larger than 12582912 bytes"));
    }

    @RestController
    static class UploadController {
        @PostMapping("/upload")
        void upload() {
            throw new MaxUploadSizeExceededException(12_582_912);
        }
    }
}
