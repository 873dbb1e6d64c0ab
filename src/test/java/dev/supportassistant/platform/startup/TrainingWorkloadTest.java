package dev.supportassistant.platform.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;

/** The training run's workload, sent to the shared service: every request answered, none repeated. */
class TrainingWorkloadTest extends ApiTest {

    @Test
    void everyRequestIsAnsweredAndCounted() throws Exception {
        List<Integer> progress = new ArrayList<>();

        int failed = new TrainingWorkload(URI.create("http://127.0.0.1:" + port())).run(12, progress::add);

        assertThat(failed).isZero();
        assertThat(progress).containsExactlyElementsOf(IntStream.rangeClosed(1, 12).boxed().toList());
    }

    @Test
    void noMessageIsSentTwiceInATrainingRunOfAStartScript() {
        Set<String> messages = new HashSet<>();
        int conversations = 500 / (TrainingWorkload.TURNS + 2) + 1;
        for (int c = 0; c < conversations; c++) {
            for (int turn = 0; turn < TrainingWorkload.TURNS; turn++) {
                messages.add(TrainingWorkload.message(c, turn));
            }
        }

        assertThat(messages).hasSize(conversations * TrainingWorkload.TURNS);
    }
}
