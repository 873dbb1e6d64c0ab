package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * How much of a "hub" each chunk is: the mean cosine similarity of its whole-chunk vector to the
 * nearest parts (headings, example questions and lines) of the other chunks. In a
 * sentence-embedding space some texts sit close to many others and so come first for questions
 * about their neighbours ("Screen sharing privacy" for any screen-sharing question, "Connection
 * timed out" for any connection trouble).
 * Taking a share of each chunk's hubness off its similarity, as cross-domain similarity local
 * scaling (CSLS, Conneau et al. 2018) does, lets the section that matches the question specifically
 * win. Computed once per index from the chunks alone, so it costs nothing per question; given as
 * the difference from the average chunk's, so relevance keeps its level on average.
 */
final class Hubness {

    private Hubness() {
    }

    /** Each chunk's hubness minus the average over all chunks, by chunk id. */
    static Map<String, Double> aboveAverage(List<StoredChunk> chunks, int neighbours, int sampled) {
        List<float[]> parts = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            List<float[]> vectors = chunks.get(i).vectors();
            for (int j = 1; j < vectors.size(); j++) {
                parts.add(vectors.get(j));
                owners.add(i);
            }
        }
        int step = Math.max(1, (parts.size() + sampled - 1) / sampled);
        double[] hubness = new double[chunks.size()];
        for (int i = 0; i < chunks.size(); i++) {
            float[] whole = chunks.get(i).vectors().get(0);
            PriorityQueue<Double> nearest = new PriorityQueue<>();
            for (int p = 0; p < parts.size(); p += step) {
                if (owners.get(p) != i) {
                    nearest.add(SentenceEmbeddings.similarity(whole, parts.get(p)));
                    if (nearest.size() > neighbours) {
                        nearest.poll();
                    }
                }
            }
            hubness[i] = nearest.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }
        double average = Arrays.stream(hubness).average().orElse(0);
        Map<String, Double> byId = new HashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            byId.put(chunks.get(i).id(), hubness[i] - average);
        }
        return byId;
    }
}
