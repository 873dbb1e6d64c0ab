package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Okapi BM25 over passages. Ranking uses the BM25 score; each hit also carries its coverage, the
 * share of the query's term weight (inverse document frequency) that the passage contains, which
 * stays in 0..1 and so can be compared with a fixed "good enough" threshold.
 */
final class LexicalIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    /** A passage to index, with its author's keywords (which count like its headings). */
    record Source(KnowledgePassage passage, String keywords) {
    }

    /** What the index holds for one passage. */
    record Entry(KnowledgePassage passage, Map<String, Integer> termCounts, int length) {
    }

    /**
     * A passage found for a query, with its ranking score, its coverage of the query, and the
     * share of the query's codes (terms with digits: {@code e1002}, {@code 429}) it contains.
     */
    record Hit(KnowledgePassage passage, double score, double coverage, double codes) {
    }

    /** Unknown query terms already looked up, and what they stand for; bounded, cleared when full. */
    private static final int MAX_CORRECTIONS = 10_000;

    private final Map<String, String> corrections = new ConcurrentHashMap<>();
    private final List<Entry> entries;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;

    LexicalIndex(List<Source> sources) {
        this.entries = sources.stream().map(LexicalIndex::entry).toList();
        entries.forEach(entry -> entry.termCounts().keySet()
                .forEach(term -> documentFrequency.merge(term, 1, Integer::sum)));
        this.averageLength = entries.stream().mapToInt(Entry::length).average().orElse(1);
    }

    private static Entry entry(Source source) {
        KnowledgePassage passage = source.passage();
        // The headings and keywords count twice: they say what the passage is about.
        List<String> terms = new ArrayList<>(TextTerms.of(passage.articleTitle() + " " + passage.sectionTitle() + " "
                + source.keywords()));
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
        Set<String> queryTerms = new LinkedHashSet<>();
        TextTerms.of(query).forEach(term -> queryTerms.add(known(term)));
        if (queryTerms.isEmpty() || entries.isEmpty()) {
            return List.of();
        }
        double totalWeight = queryTerms.stream().mapToDouble(this::coverageWeight).sum();
        long codes = queryTerms.stream().filter(LexicalIndex::isCode).count();
        List<Hit> hits = new ArrayList<>();
        for (Entry entry : entries) {
            double score = 0;
            double covered = 0;
            int codesFound = 0;
            for (String term : queryTerms) {
                int frequency = entry.termCounts().getOrDefault(term, 0);
                if (frequency == 0) {
                    continue;
                }
                codesFound += isCode(term) ? 1 : 0;
                double idf = idf(term);
                covered += idf;
                score += idf * frequency * (K1 + 1)
                        / (frequency + K1 * (1 - B + B * entry.length() / averageLength));
            }
            if (score > 0) {
                hits.add(new Hit(entry.passage(), score, covered / totalWeight,
                        codes == 0 ? 0 : (double) codesFound / codes));
            }
        }
        return hits.stream().sorted(Comparator.comparingDouble(Hit::score).reversed()).limit(limit).toList();
    }

    /** An error code or status number, which names one problem exactly. */
    private static boolean isCode(String term) {
        return term.length() >= 3 && term.chars().anyMatch(Character::isDigit);
    }

    /**
     * The indexed term a query term stands for: itself when the articles use it; otherwise a word
     * of the articles that it shortens or lengthens ("reimburs" for "reimbursement"); otherwise
     * itself. Misspellings are corrected before the query gets here ({@link Vocabulary}).
     */
    private String known(String term) {
        if (documentFrequency.containsKey(term) || term.length() < 6 || isCode(term)) {
            return term;
        }
        String known = corrections.get(term);
        if (known != null) {
            return known;
        }
        String best = term;
        for (String candidate : documentFrequency.keySet()) {
            boolean related = candidate.length() >= 6 && (candidate.startsWith(term) || term.startsWith(candidate));
            if (related && (best == term || documentFrequency.get(candidate) > documentFrequency.get(best))) {
                best = candidate;
            }
        }
        if (corrections.size() >= MAX_CORRECTIONS) {
            corrections.clear();
        }
        corrections.put(term, best);
        return best;
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
