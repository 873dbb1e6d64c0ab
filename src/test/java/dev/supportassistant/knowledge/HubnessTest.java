package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Hubness on vectors small enough to check by hand: four dimensions, a "hub" section whose text
 * lies close to the lines of two other sections, and a "specific" section close to nothing else.
 */
class HubnessTest {

    private static final float R = (float) Math.sqrt(0.5);

    /** Close to the lines of both neighbours: (1, 1, 0, 0) / √2 against their (0, 1, 0, 0). */
    private final StoredChunk hub = chunk("guide#1", "Everything about the app", new float[] {R, R, 0, 0});
    /** As close to a question along the first axis as the hub, but far from every other line. */
    private final StoredChunk specific = chunk("guide#2", "One precise fix", new float[] {R, -R, 0, 0});
    private final List<StoredChunk> chunks = List.of(hub, specific,
            neighbour("guide#3", "A neighbour"), neighbour("guide#4", "Another neighbour"));

    @Test
    void aSectionCloseToOtherSectionsLinesIsAHubAndTheAverageIsZero() {
        Map<String, Double> hubness = Hubness.aboveAverage(chunks, 20, 2000);

        // hub: mean of 0 (the specific section's line), R and R; specific: of 0, -R and -R; each
        // neighbour: of 0, 0 and 0 (the other neighbour's line is orthogonal to its text)
        assertThat(hubness.get("guide#1")).isCloseTo(2 * R / 3, within(1e-6));
        assertThat(hubness.get("guide#2")).isCloseTo(-2 * R / 3, within(1e-6));
        assertThat(hubness.get("guide#3")).isCloseTo(0, within(1e-6));
        assertThat(hubness.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(0, within(1e-6));
    }

    @Test
    void ofTwoSectionsEquallyCloseToTheQuestionTheOneThatIsNoHubComesFirst() {
        float[] question = {1, 0, 0, 0};

        List<KnowledgePassage> found = new SearchIndex(chunks).search("printer", question, 2);

        assertThat(found).extracting(KnowledgePassage::chunkId).containsExactly("guide#2", "guide#1");
    }

    @Test
    void aSampleOfTheOtherSectionsLinesStandsInForAllOfThemInALargeIndex() {
        Map<String, Double> sampled = Hubness.aboveAverage(chunks, 20, 2);

        assertThat(sampled).containsOnlyKeys("guide#1", "guide#2", "guide#3", "guide#4");
        assertThat(sampled.get("guide#1")).isGreaterThan(sampled.get("guide#2"));
    }

    private static StoredChunk chunk(String id, String heading, float[] whole) {
        return new StoredChunk(id, "Guide", heading, "Steps.", List.of(whole, new float[] {0, 0, 0, 1}));
    }

    private static StoredChunk neighbour(String id, String heading) {
        return new StoredChunk(id, "Guide", heading, "Steps.", List.of(new float[] {0, 0, 1, 0}, new float[] {0, 1, 0, 0}));
    }
}
