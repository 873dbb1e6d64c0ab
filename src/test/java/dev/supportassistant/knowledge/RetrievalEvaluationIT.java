package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Measures retrieval the way customers ask: over the bundled articles, how often the expected
 * help section comes first (top-1), among the first three (top-3), and the mean reciprocal rank,
 * for questions written in customers' words rather than the articles' (short, long, misspelt,
 * indirect, with error codes). The set has two parts: a tuning part whose misses are printed to
 * guide work on search, and a held-aside part, written before any tuning, of which only the
 * aggregate figures are printed. Every part must reach {@link #REQUIRED_TOP_1}; the held-aside part
 * measures how the tuning generalises (95.7%, 89 of 93, in bench/RESULTS.md). The articles' own
 * example questions were kept apart from both parts: none shares half its words with a question of
 * the set.
 */
class RetrievalEvaluationIT {

    static final double REQUIRED_TOP_1 = 0.90;
    static final String TUNING = "/knowledge/retrieval-tuning.tsv";
    static final String HELD_ASIDE = "/knowledge/retrieval-held-aside.tsv";
    /**
     * Messages written the way customers type them (issue 34), in two parts like the first set and
     * with a kind each: typos, two problems in one message, what the customer already tried,
     * symptoms instead of the problem's name, and two-to-five-word queries.
     */
    static final String CUSTOMER_STYLE_TUNING = "/knowledge/customer-style-tuning.tsv";
    static final String CUSTOMER_STYLE_HELD_ASIDE = "/knowledge/customer-style-held-aside.tsv";
    /** The kinds of customer-style messages, in the order their figures are printed. */
    static final List<String> KINDS = List.of("typo", "two", "tried", "symptom", "short");
    /**
     * Top-1 that each part of the customer-style set must keep (94.1% and 96.7% when written down,
     * 94.1% and 95.0% with the int8 model; 74.5% and 81.7% before spelling, main problems and
     * symptoms: docs/knowledge-base.md).
     */
    static final double REQUIRED_CUSTOMER_STYLE_TOP_1 = 0.90;
    /** Ranks looked at for the reciprocal rank; a section found later counts as not found. */
    private static final int RANKS = 10;

    /**
     * One question and the sections that answer it, each {@code <article-slug>#<section heading>}, with
     * its kind in the customer-style set (empty in the first set).
     */
    record Question(String text, Set<String> expected, String kind) {
    }

    /**
     * Top-1 and top-3 shares and the mean reciprocal rank of one part of the set, and how many were
     * answered: the right section first and relevant enough for the offline agent to give it.
     */
    record Figures(int questions, int top1, int top3, double reciprocalRanks, int answered) {

        double top1Share() {
            return (double) top1 / questions;
        }

        double top3Share() {
            return (double) top3 / questions;
        }

        double mrr() {
            return reciprocalRanks / questions;
        }

        String row(String part) {
            return String.format(Locale.ROOT, "| %-11s | %3d | %5.1f%% | %5.1f%% | %5.3f | %5.1f%%   |", part, questions,
                    100 * top1Share(), 100 * top3Share(), mrr(), 100.0 * answered / questions);
        }
    }

    private final KnowledgeBase knowledge = BundledKnowledge.get();

    @Test
    void customerPhrasedQuestionsFindTheirSectionFirstInBothParts() throws IOException {
        List<Question> tuning = load(TUNING);
        List<Question> heldAside = load(HELD_ASIDE);

        Figures tuned = evaluate(tuning, true);
        Figures held = evaluate(heldAside, false);
        System.out.printf("%nRetrieval evaluation over the bundled articles (%d questions)%n",
                tuning.size() + heldAside.size());
        System.out.println("| Part        |   n | Top-1  | Top-3  | MRR   | Answered |");
        System.out.println("|-------------|-----|--------|--------|-------|----------|");
        System.out.println(tuned.row("tuning"));
        System.out.println(held.row("held aside"));
        System.out.println(new Figures(tuned.questions() + held.questions(), tuned.top1() + held.top1(),
                tuned.top3() + held.top3(), tuned.reciprocalRanks() + held.reciprocalRanks(),
                tuned.answered() + held.answered()).row("whole set"));

        assertThat(tuning.size() + heldAside.size()).as("questions in the set").isGreaterThanOrEqualTo(300);
        assertThat(tuned.top1Share()).as("top-1 on the tuning part").isGreaterThanOrEqualTo(REQUIRED_TOP_1);
        assertThat((double) (tuned.top1() + held.top1()) / (tuning.size() + heldAside.size())).as("top-1 on the whole set")
                .isGreaterThanOrEqualTo(REQUIRED_TOP_1);
        assertThat(held.top1Share()).as("top-1 on the held-aside part").isGreaterThanOrEqualTo(REQUIRED_TOP_1);
    }

    @Test
    void customerStyleMessagesFindTheirSectionFirstPerKind() throws IOException {
        List<Question> tuning = load(CUSTOMER_STYLE_TUNING);
        List<Question> heldAside = load(CUSTOMER_STYLE_HELD_ASIDE);

        System.out.printf("%nCustomer-style messages over the bundled articles (%d messages)%n",
                tuning.size() + heldAside.size());
        System.out.println("| Part        |   n | Top-1  | Top-3  | MRR   | Answered |");
        System.out.println("|-------------|-----|--------|--------|-------|----------|");
        Figures tuned = evaluate(tuning, true);
        Figures held = evaluate(heldAside, false);
        for (String kind : KINDS) {
            System.out.println(evaluate(of(tuning, kind), false).row("t " + kind));
        }
        System.out.println(tuned.row("tuning"));
        for (String kind : KINDS) {
            System.out.println(evaluate(of(heldAside, kind), false).row("h " + kind));
        }
        System.out.println(held.row("held aside"));

        assertThat(tuning.size() + heldAside.size()).as("customer-style messages").isGreaterThanOrEqualTo(150);
        assertThat(tuning).extracting(Question::kind).containsOnlyElementsOf(KINDS).containsAll(KINDS);
        assertThat(heldAside).extracting(Question::kind).containsOnlyElementsOf(KINDS).containsAll(KINDS);
        assertThat(tuned.top1Share()).as("top-1 on the customer-style tuning part")
                .isGreaterThanOrEqualTo(REQUIRED_CUSTOMER_STYLE_TOP_1);
        assertThat(held.top1Share()).as("top-1 on the customer-style held-aside part")
                .isGreaterThanOrEqualTo(REQUIRED_CUSTOMER_STYLE_TOP_1);
    }

    private static List<Question> of(List<Question> questions, String kind) {
        return questions.stream().filter(question -> question.kind().equals(kind)).toList();
    }

    @Test
    void everyExpectedSectionExistsAndEverySectionIsAskedAboutSeveralTimes() throws IOException {
        Set<String> sections = new LinkedHashSet<>();
        for (KnowledgeFolder.SourceFile file : new KnowledgeFolder(new KnowledgeSettings(true, null)).read()) {
            HelpArticle article = HelpArticle.parse(DocumentLibrary.slug(file.name()), file.text());
            article.chunks().forEach(chunk -> sections.add(article.slug() + "#" + chunk.heading()));
        }
        List<Question> all = new ArrayList<>(load(TUNING));
        all.addAll(load(HELD_ASIDE));
        all.addAll(load(CUSTOMER_STYLE_TUNING));
        all.addAll(load(CUSTOMER_STYLE_HELD_ASIDE));

        assertThat(all).allSatisfy(question -> assertThat(sections).containsAll(question.expected()));
        assertThat(sections).allSatisfy(section -> assertThat(all.stream()
                .filter(question -> question.expected().contains(section)).count())
                .as("questions about " + section).isGreaterThanOrEqualTo(4));
    }

    /**
     * The articles' example questions must not give the answers away: a question of the set that an
     * article lists nearly word for word would measure lookup, not understanding.
     */
    @Test
    void noExampleQuestionOfTheArticlesSharesHalfItsWordsWithAQuestionOfTheSet() throws IOException {
        List<Question> all = new ArrayList<>(load(TUNING));
        all.addAll(load(HELD_ASIDE));
        all.addAll(load(CUSTOMER_STYLE_TUNING));
        all.addAll(load(CUSTOMER_STYLE_HELD_ASIDE));
        List<String> examples = new ArrayList<>();
        for (KnowledgeFolder.SourceFile file : new KnowledgeFolder(new KnowledgeSettings(true, null)).read()) {
            HelpArticle.parse(file.name(), file.text()).sections()
                    .forEach(section -> {
                        examples.addAll(SectionText.questions(section.body()));
                        examples.addAll(SectionText.symptoms(section.body()));
                    });
        }

        List<String> copies = examples.stream().flatMap(example -> all.stream()
                .filter(question -> sharedWords(example, question.text()) >= 0.5)
                .map(question -> example + "  ~  " + question.text())).toList();

        assertThat(examples).as("the articles' example questions").hasSizeGreaterThan(200);
        assertThat(copies).as("example questions too close to a question of the set").isEmpty();
    }

    /** Words two texts share, as a share of the words either has (Jaccard). */
    private static double sharedWords(String one, String other) {
        Set<String> first = words(one);
        Set<String> union = new LinkedHashSet<>(first);
        Set<String> second = words(other);
        union.addAll(second);
        first.retainAll(second);
        return (double) first.size() / union.size();
    }

    private static Set<String> words(String text) {
        return new LinkedHashSet<>(List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9']+")).stream()
                .filter(word -> !word.isEmpty()).toList());
    }

    private Figures evaluate(List<Question> questions, boolean printMisses) {
        int top1 = 0;
        int top3 = 0;
        int answered = 0;
        double reciprocalRanks = 0;
        for (Question question : questions) {
            List<KnowledgePassage> passages = knowledge.search(question.text(), RANKS);
            List<String> ranked = passages.stream().map(RetrievalEvaluationIT::section).distinct().toList();
            int rank = 0;
            for (int i = 0; i < ranked.size() && rank == 0; i++) {
                if (question.expected().contains(ranked.get(i))) {
                    rank = i + 1;
                }
            }
            top1 += rank == 1 ? 1 : 0;
            answered += rank == 1 && passages.get(0).relevance() >= KnowledgeBase.CONFIDENT_RELEVANCE ? 1 : 0;
            top3 += rank >= 1 && rank <= 3 ? 1 : 0;
            reciprocalRanks += rank == 0 ? 0 : 1.0 / rank;
            if (printMisses && rank != 1) {
                System.out.printf("  miss (rank %s): %s%n    expected %s%n    got      %s%n",
                        rank == 0 ? "-" : rank, question.text(), question.expected(),
                        ranked.isEmpty() ? "nothing" : ranked.get(0));
            }
        }
        return new Figures(questions.size(), top1, top3, reciprocalRanks, answered);
    }

    static String section(KnowledgePassage passage) {
        return passage.chunkId().substring(0, passage.chunkId().indexOf('#')) + "#" + passage.sectionTitle();
    }

    static List<Question> load(String resource) throws IOException {
        List<Question> questions = new ArrayList<>();
        try (InputStream in = RetrievalEvaluationIT.class.getResourceAsStream(resource);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                // The customer-style set has a kind first.
                assertThat(columns).as(line).hasSizeBetween(2, 3);
                int first = columns.length - 2;
                Set<String> expected = new LinkedHashSet<>();
                for (String section : columns[first].split(" ; ")) {
                    expected.add(section.strip());
                }
                questions.add(new Question(columns[first + 1].strip(), expected, first == 0 ? "" : columns[0].strip()));
            }
        }
        return questions;
    }
}
