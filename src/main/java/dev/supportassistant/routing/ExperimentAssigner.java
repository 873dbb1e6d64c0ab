package dev.supportassistant.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts each conversation into at most one variant of one experiment, by a hash of its id alone:
 * the same conversation always lands in the same variant, on every instance and after restarts,
 * with nothing stored. The id's SHA-256 picks one of 10,000 buckets; the variants of all
 * experiments take consecutive ranges of buckets in the order they are configured, sized by their
 * percentages, and the buckets left over answer as if there were no experiment.
 *
 * <p>Changing the configuration moves the ranges, and so may move conversations: append new
 * experiments at the end, and do not resize a running one.
 */
final class ExperimentAssigner {

    static final int BUCKETS = 10_000;

    /** A conversation's place: its experiment and variant. */
    record Assignment(Experiment experiment, Experiment.Variant variant) {
    }

    /** The buckets below {@code endExclusive} and at or above the previous range's end. */
    private record Range(int endExclusive, Assignment assignment) {
    }

    private final List<Range> ranges = new ArrayList<>();

    ExperimentAssigner(List<Experiment> experiments) {
        int start = 0;
        for (Experiment experiment : experiments) {
            for (Experiment.Variant variant : experiment.variants()) {
                start += variant.basisPoints();
                ranges.add(new Range(start, new Assignment(experiment, variant)));
            }
        }
        if (start > BUCKETS) {
            throw new IllegalArgumentException("Variants take more than 100% of conversations");
        }
    }

    Optional<Assignment> assign(String conversationId) {
        int bucket = bucket(conversationId);
        return ranges.stream().filter(range -> bucket < range.endExclusive()).findFirst().map(Range::assignment);
    }

    /**
     * 0 to 9,999, uniformly: the first 8 bytes of the id's SHA-256. {@code String.hashCode} mixes
     * too little: ids that differ in their last characters would fill neighbouring buckets.
     */
    static int bucket(String conversationId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(conversationId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return (int) Long.remainderUnsigned(value, BUCKETS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
