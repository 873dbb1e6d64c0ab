package dev.supportassistant.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Assignment to experiment variants: sticky per conversation, and as split as configured. */
class ExperimentAssignerTest {

    private static final int CONVERSATIONS = 2_000;

    private static final List<Experiment> EXPERIMENTS = List.of(
            new Experiment("models", List.of(variant("mini", "30"), variant("sonnet", "30"))),
            new Experiment("prompt", List.of(variant("short", "10"), variant("long", "10"))));

    private static Experiment.Variant variant(String name, String percent) {
        return new Experiment.Variant(name, new BigDecimal(percent), "openai", null, null);
    }

    /** Random UUIDs as conversations get them, from a fixed seed so a failure can be replayed. */
    private static List<String> conversationIds() {
        Random random = new Random(20261124);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < CONVERSATIONS; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()).toString());
        }
        return ids;
    }

    private static String placeOf(ExperimentAssigner assigner, String id) {
        return assigner.assign(id).map(a -> a.experiment().name() + "/" + a.variant().name()).orElse("none");
    }

    @Test
    void aConversationKeepsItsVariantAcrossCallsAndRestarts() {
        ExperimentAssigner assigner = new ExperimentAssigner(EXPERIMENTS);
        ExperimentAssigner afterRestart = new ExperimentAssigner(List.copyOf(EXPERIMENTS));

        for (String id : conversationIds()) {
            String first = placeOf(assigner, id);
            assertThat(placeOf(assigner, id)).isEqualTo(first);
            assertThat(placeOf(afterRestart, id)).as(id).isEqualTo(first);
        }
    }

    @Test
    void variantsGetTheirShareOfTwoThousandConversationsWithinTolerance() {
        ExperimentAssigner assigner = new ExperimentAssigner(EXPERIMENTS);
        Map<String, Integer> counts = new HashMap<>();
        conversationIds().forEach(id -> counts.merge(placeOf(assigner, id), 1, Integer::sum));

        // With n = 2000, one standard deviation of a share p is sqrt(p(1-p)/n): 1.0 points at 30%,
        // 0.7 at 10%. Four points is four standard deviations or more: a real skew, not chance.
        assertThat(share(counts, "models/mini")).isCloseTo(0.30, within(0.04));
        assertThat(share(counts, "models/sonnet")).isCloseTo(0.30, within(0.04));
        assertThat(share(counts, "prompt/short")).isCloseTo(0.10, within(0.03));
        assertThat(share(counts, "prompt/long")).isCloseTo(0.10, within(0.03));
        assertThat(share(counts, "none")).isCloseTo(0.20, within(0.04));
    }

    @Test
    void bucketsAreSpreadEvenlyForIdsDifferingOnlyAtTheEnd() {
        int[] deciles = new int[10];
        for (int i = 0; i < CONVERSATIONS; i++) {
            deciles[ExperimentAssigner.bucket("conversation-" + i) / 1_000]++;
        }
        for (int count : deciles) {
            assertThat(count).isBetween(140, 260);
        }
    }

    @Test
    void noExperimentsMeansNoAssignment() {
        assertThat(new ExperimentAssigner(List.of()).assign(UUID.randomUUID().toString())).isEmpty();
    }

    private static double share(Map<String, Integer> counts, String place) {
        return counts.getOrDefault(place, 0) / (double) CONVERSATIONS;
    }
}
