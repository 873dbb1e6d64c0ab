package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The lexical signals alone: what the words of one message say, without a model. */
class LexicalSignalsTest {

    private final LexicalSignals lexical = new LexicalSignals();

    /** A lexical score and the signals behind it. */
    private record Scored(double level, List<String> signals) {
    }

    private Scored assess(String message) {
        List<String> signals = new ArrayList<>();
        double level = lexical.score(message, signals);
        return new Scored(level, signals);
    }

    @Test
    void clearQuestionScoresZeroWithNoSignals() {
        var assessment = assess("How do I reset my password?");

        assertThat(assessment.level()).isZero();
        assertThat(assessment.signals()).isEmpty();
    }

    @Test
    void confusionPhrasesAreNamed() {
        var assessment = assess("I'm stuck and confused, the export doesn't work");

        assertThat(assessment.signals()).contains("confusion phrase: stuck", "confusion phrase: confused",
                "confusion phrase: doesn't work");
        assertThat(assessment.level()).isPositive();
    }

    @Test
    void confusionPhrasesMatchWholeWordsOnly() {
        // "lost" must not fire inside "lostpassword", nor "stuck" inside "unstuck..."
        var assessment = assess("The lostpassword page opened fine");

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("confusion phrase"));
    }

    @Test
    void frustrationWordsAreNamed() {
        var assessment = assess("This is ridiculous, I'm so frustrated");

        assertThat(assessment.signals()).contains("frustration: ridiculous", "frustration: frustrated");
    }

    @Test
    void frustrationIdiomsAndSarcasmAreNamed() {
        assertThat(assess("this is driving me nuts, the alerts vanish").signals()).contains("frustration: driving me nuts");
        assertThat(assess("logged out again. Very cool.").signals()).contains("frustration: very cool");
    }

    @Test
    void shoutingAndRepeatedExclamationMarksAreNamed() {
        var assessment = assess("WHY does the SYNC page never LOAD!!");

        assertThat(assessment.signals()).contains("frustration: shouting", "frustration: repeated exclamation marks");
    }

    @Test
    void acronymsAreNotShouting() {
        assertThat(assess("My VPN and SSO login fail on the iOS app").signals()).doesNotContain("frustration: shouting");
    }

    @Test
    void oneCapitalisedWordIsNotShouting() {
        assertThat(assess("The PDF export is slow").signals()).doesNotContain("frustration: shouting");
    }

    @Test
    void errorCodesAndCapitalisedHttpAreNotCountedAsShouting() {
        var assessment = assess("Got HTTP 500 and E1234 on sync");

        assertThat(assessment.signals()).doesNotContain("frustration: shouting");
    }

    @Test
    void windowsErrorCodeIsNamed() {
        assertThat(assess("The installer says 0x80070005").signals()).contains("error code: 0x80070005");
    }

    @Test
    void httpStatusIsNamed() {
        assertThat(assess("The page shows HTTP 500").signals()).contains("error code: HTTP 500");
    }

    @Test
    void appErrorCodeIsNamed() {
        assertThat(assess("Saving shows E1234 every time").signals()).contains("error code: E1234");
    }

    @Test
    void javaStackTraceLineIsNamedAsAnErrorCode() {
        var assessment = assess("the log ends with\n    at com.example.sync.Uploader.run(Uploader.java:42)");

        assertThat(assessment.signals()).anySatisfy(signal -> assertThat(signal)
                .startsWith("error code: ").contains("Uploader.java:42"));
    }

    @Test
    void exceptionNameIsNamedAsAnErrorCode() {
        assertThat(assess("It crashed with NullPointerException").signals())
                .contains("error code: NullPointerException");
    }

    @Test
    void manyQuestionsAreCounted() {
        assertThat(assess("Where is it? Why did it move? Who moved it?").signals()).contains("many questions: 3");
    }

    @Test
    void twoQuestionsAreSeveralQuestions() {
        assertThat(assess("Where is the invoice? Can I get a PDF?").signals()).contains("several questions");
    }

    @Test
    void severalNegationsAreCounted() {
        assertThat(assess("I never received it and nobody answered").signals()).contains("negations: 2");
    }

    @Test
    void oneNegationIsNoSignal() {
        assertThat(assess("I never received the invoice").signals()).noneMatch(s -> s.startsWith("negations"));
    }

    @Test
    void uncertaintyIsNamed() {
        assertThat(assess("Maybe I clicked the wrong button, I guess").signals())
                .contains("uncertainty: maybe", "uncertainty: i guess");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "I'm confused and stuck and lost, this is broken and confusing",
            "ridiculous, useless, terrible, awful, frustrating, annoying",
            "RIDICULOUS, USELESS, TERRIBLE!! I am so frustrated and annoyed",
            "0x80070005 HTTP 500 E1234 at com.example.App.main(App.java:1)",
            "Where? Why? When? Who? How?",
            "maybe, not sure, I guess, somehow, whatever"})
    void oneKindOfSignalAloneStaysUnderTheDefaultThreshold(String message) {
        var assessment = assess(message);

        assertThat(assessment.signals()).isNotEmpty();
        assertThat(assessment.level()).isLessThan(0.6);
    }

    @Test
    void errorCodeAndFrustrationTogetherReachTheThreshold() {
        var assessment = assess("This is RIDICULOUS, I'm so FRUSTRATED!! The installer still shows 0x80070005");

        assertThat(assessment.signals()).contains("error code: 0x80070005", "frustration: ridiculous");
        assertThat(assessment.level()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void confusionPhraseErrorCodeAndFrustrationTogetherReachTheThreshold() {
        var assessment = assess("I'm stuck, so frustrated, the installer shows 0x80070005");

        assertThat(assessment.level()).isGreaterThanOrEqualTo(0.6);
    }

    @Test
    void negatedConfusionWordsAreNotSignals() {
        var assessment = assess("No problems, I'm not stuck and nothing is broken, just a question about plans");

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("confusion phrase"));
    }

    @Test
    void notFindingSomethingInTheInterfaceIsNamed() {
        assertThat(assess("I can't find the export button, it disappeared").signals())
                .contains("cannot find it: can't find", "cannot find it: disappeared");
    }

    @Test
    void typographicApostrophesAreReadLikePlainOnes() {
        assertThat(assess("the export doesn’t work").signals()).contains("confusion phrase: doesn't work");
    }

    @Test
    void frustrationCountsEmotionalWordsAndShoutingOnly() {
        assertThat(lexical.frustration("I'm stuck, the installer shows 0x80070005")).isZero();
        assertThat(lexical.frustration("This is RIDICULOUS, I'm so FRUSTRATED!!")).isGreaterThan(0.3);
    }
}
