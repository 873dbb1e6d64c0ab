package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over passages. Ranking uses the BM25 score; each hit also carries its coverage, the
 * share of the query's term weight (inverse document frequency) that the passage contains, which
 * stays in 0..1 and so can be compared with a fixed "good enough" threshold.
 */
final class LexicalIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** What the index holds for one passage. */
    record Entry(KnowledgePassage passage, Map<String, Integer> termCounts, int length) {
    }

    /** A passage found for a query, with its ranking score and its coverage of the query. */
    record Hit(KnowledgePassage passage, double score, double coverage) {
    }

    private final List<Entry> entries;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    LexicalIndex(List<KnowledgePassage> passages) {
        this.entries = passages.stream().map(LexicalIndex::entry).toList();
        entries.forEach(entry -> entry.termCounts().keySet()
                .forEach(term -> documentFrequency.merge(term, 1, Integer::sum)));
        this.averageLength = entries.stream().mapToInt(Entry::length).average().orElse(1);
    }

    private static Entry entry(KnowledgePassage passage) {
        // The headings count twice: they say what the passage is about.
        List<String> terms = new ArrayList<>(TextTerms.of(passage.articleTitle() + " " + passage.sectionTitle()));
        terms.addAll(terms);
        terms.addAll(TextTerms.of(passage.text()));
        Map<String, Integer> counts = new HashMap<>();
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        return new Entry(passage, counts, terms.size());
    }

    int size() {
        return entries.size();
    }

    List<Hit> search(String query, int limit) {
        Set<String> queryTerms = new LinkedHashSet<>(TextTerms.of(query));
        if (queryTerms.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        double totalWeight = queryTerms.stream().mapToDouble(this::coverageWeight).sum();
        List<Hit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            double score = 0;
            double covered = 0;
            for (String term : queryTerms) {
                int frequency = entry.termCounts().getOrDefault(term, 0);
                if (frequency == 0) {
                    continue;
                }
                double idf = idf(term);
                covered += idf;
                score += idf * frequency * (K1 + 1)
                        / (frequency + K1 * (1 - B + B * entry.length() / averageLength));
            }
            if (score > 0) {
                hits.add(new Hit(entry.passage(), score, covered / totalWeight));
            }
        }
        return hits.stream().sorted(Comparator.comparingDouble(Hit::score).reversed()).limit(limit).toList();
    }

    /**
     * How much a query term counts towards coverage: its idf when the articles use it; a term no
     * article uses counts like a common word, so chatter ("tried everything") does not hide a match,
     * while a question made only of unknown terms still covers nothing.
     */
    private double coverageWeight(String term) {
        return documentFrequency.containsKey(term) ? idf(term) : 1.0;
    }

    /** BM25's idf, floored so a term found everywhere still counts a little. */
    private double idf(String term) {
        int n = entries.size();
        int df = documentFrequency.getOrDefault(term, 0);
        return Math.max(0.05, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    }
}
