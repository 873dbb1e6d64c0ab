package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.privacy.LabelledTexts.Score;
import dev.supportassistant.privacy.LabelledTexts.Text;

/**
 * Precision and recall of the personal-data finders on realistic support messages: those with
 * every kind of personal data, and those with only look-alikes (order, tracking and invoice
 * numbers, error codes, versions, prices, dates, times). A span counts as found only with its exact
 * bounds: a card masked but for its last digit is not masked. Prints the table per part of the
 * corpus and for all of it, as bench/RESULTS.md reports them.
 */
class PersonalDataCorpusTest {

    private static final double REQUIRED_PRECISION = 0.95;
    private static final double REQUIRED_RECALL = 0.90;

    private final PersonalData personalData = new PersonalData(new PrivacySettings(true, false, "US"));

    @Test
    void everyKindIsFoundWithTheRequiredPrecisionAndRecall() {
        List<Text> with = new ArrayList<>();
        List<Text> without = new ArrayList<>();
        Score all = new Score();
        for (String part : LabelledTexts.PARTS) {
            Score score = new Score();
            for (Text text : LabelledTexts.with(part)) {
                score.add(text, personalData.find(text.text()));
                all.add(text, personalData.find(text.text()));
                with.add(text);
            }
            for (Text text : LabelledTexts.without(part)) {
                score.add(text, personalData.find(text.text()));
                all.add(text, personalData.find(text.text()));
                without.add(text);
            }
            System.out.printf("%nPersonal data, %s part of the corpus:%n%s", part, score.table());
            score.errors.forEach(System.out::println);
        }
        System.out.printf("%nPersonal data in %d messages with it and %d without:%n%s", with.size(), without.size(),
                all.table());

        assertThat(with).hasSizeGreaterThanOrEqualTo(60).allSatisfy(text -> assertThat(text.marked()).isNotEmpty());
        assertThat(without).hasSizeGreaterThanOrEqualTo(60).allSatisfy(text -> assertThat(text.marked()).isEmpty());
        for (PersonalDataKind kind : PersonalDataKind.values()) {
            assertThat(all.marked(kind)).as("%s marked", kind).isGreaterThanOrEqualTo(8);
            assertThat(all.precision(kind)).as("%s precision", kind).isGreaterThanOrEqualTo(REQUIRED_PRECISION);
            assertThat(all.recall(kind)).as("%s recall", kind).isGreaterThanOrEqualTo(REQUIRED_RECALL);
        }
    }
}
