package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.privacy.LabelledTexts.Score;
import dev.supportassistant.privacy.LabelledTexts.Text;

/**
 * Precision and recall of the personal-data finders on realistic support messages: those with
 * every kind of personal data, and those with only look-alikes (order, tracking and invoice
 * numbers, error codes, versions, prices, dates, times). A span counts as found only with its exact
 * bounds: a card masked but for its last digit is not masked. Prints the table that
 * bench/RESULTS.md reports.
 */
class PersonalDataCorpusTest {

    private static final double REQUIRED_PRECISION = 0.95;
    private static final double REQUIRED_RECALL = 0.90;

    private final PersonalData personalData = new PersonalData(new PrivacySettings(true, false, "US"));

    @Test
    void everyKindIsFoundWithTheRequiredPrecisionAndRecall() {
        List<Text> with = LabelledTexts.load(LabelledTexts.WITH);
        List<Text> without = LabelledTexts.load(LabelledTexts.WITHOUT);
        Score score = new Score();
        for (Text text : with) {
            score.add(text, personalData.find(text.text()));
        }
        for (Text text : without) {
            score.add(text, personalData.find(text.text()));
        }

        System.out.printf("%nPersonal data in %d messages with it and %d without:%n%s", with.size(), without.size(),
                score.table());
        score.errors.forEach(System.out::println);

        assertThat(with).hasSizeGreaterThanOrEqualTo(60).allSatisfy(text -> assertThat(text.marked()).isNotEmpty());
        assertThat(without).hasSizeGreaterThanOrEqualTo(60).allSatisfy(text -> assertThat(text.marked()).isEmpty());
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            assertThat(score.marked(kind)).as("%s marked", kind).isGreaterThanOrEqualTo(4);
            assertThat(score.precision(kind)).as("%s precision", kind).isGreaterThanOrEqualTo(REQUIRED_PRECISION);
            assertThat(score.recall(kind)).as("%s recall", kind).isGreaterThanOrEqualTo(REQUIRED_RECALL);
        }
    }
}
