package dev.supportassistant.confusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.RememberedEmbeddings;
import dev.supportassistant.confusion.ConfusionAnalyzer.Turn;
import dev.supportassistant.embedding.SentenceEmbeddings;

/** The whole analyzer with the real embedding model: meaning, conversation, robustness, threshold. */
class SignalConfusionAnalyzerTest {

    /** Loaded once: the model and the embedded examples do not change between tests. */
    private static final SentenceEmbeddings EMBEDDINGS = RememberedEmbeddings.create();

    private final SignalConfusionAnalyzer analyzer = analyzer(0.6);

    private static SignalConfusionAnalyzer analyzer(double threshold) {
        return new SignalConfusionAnalyzer(new ConfusionSettings(threshold), EMBEDDINGS);
    }

    private ConfusionAssessment assess(String message) {
        return analyzer.assess(message, List.of());
    }

    private static final List<Turn> STEPS_GIVEN = List.of(
            Turn.customer("How do I connect my calendar?"),
            Turn.assistant("""
                    To connect your calendar:
                    1. Open Settings > Integrations.
                    2. Click Connect next to Calendar.
                    3. Sign in and allow access."""));

    @ParameterizedTest
    @ValueSource(strings = {"I need help with my computer", "I cannot log in", "something is wrong",
            "I have a problem with the thing", "I need help"})
    void aPlainMessageThatStatesAProblemIsNotConfusedFirstOrSecond(String message) {
        assertThat(assess(message).confused()).as("first message").isFalse();
        assertThat(analyzer.assess(message, List.of(Turn.customer("Hello!"),
                Turn.assistant("Hello! I'm the support assistant. Tell me what you are trying to do or what went wrong, "
                        + "and I'll look it up in our help articles."))).confused()).as("second message").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I cannot log in, the reset email never arrives", "Password reset link says it is invalid",
            "The verification SMS never comes through, I'd like another way to sign in"})
    void aFirstMessageThatCalmlyReportsWhatHappenedIsNotConfused(String message) {
        assertThat(assess(message).confused()).as(assess(message).signals().toString()).isFalse();
    }

    @Test
    void aFirstMessageThatAlsoSaysTheCustomerIsStuckIsStillConfused() {
        var assessment = assess("The reset link says it is invalid and I have no idea what to do, I've tried three times");

        assertThat(assessment.confused()).as(assessment.signals().toString()).isTrue();
    }

    @Test
    void twoPlainTurnsInARowAreNotConfused() {
        var first = assess("I need help with my computer");
        var second = analyzer.assess("I cannot log in", List.of(Turn.customer("I need help with my computer"),
                Turn.assistant("I'd be glad to help. Could you tell me a bit more: what were you doing, what happened, "
                        + "and the exact text of any error message?")));

        assertThat(first.level()).isLessThan(0.6);
        assertThat(second.level()).isLessThan(0.6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Unexpected token < in JSON at position 0 what does that even mean",
            "why does it say permission denied when I'm the admin? I've checked my role twice",
            "the code is always rejected, I've tried five times", "I don't get it, the report shows zero users "
                    + "and I've checked every filter"})
    void customersQuotingErrorsOrRefusedAgainAndAgainAreConfused(String message) {
        assertThat(assess(message).confused()).as(assess(message).signals().toString()).isTrue();
    }

    @Test
    void clearQuestionIsNotConfused() {
        var assessment = assess("How do I reset my password?");

        assertThat(assessment.level()).isLessThan(0.3);
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void confusionWithoutAnyKeywordIsCaughtByItsMeaning() {
        var assessment = assess("I have clicked everything and I am going round and round, the page looks nothing like"
                + " the picture in your guide");

        assertThat(assessment.signals()).anySatisfy(signal -> assertThat(signal)
                .startsWith("semantic: resembles stuck customers"));
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void aCalmQuestionAboutAnErrorCodeIsNotConfused() {
        var assessment = assess("Quick question: what does error code 403 mean in your API?");

        assertThat(assessment.signals()).contains("error code: code 403");
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void sayingTheStepsDidNotHelpIsConfused() {
        var assessment = analyzer.assess("did all three, still nothing shows up", STEPS_GIVEN);

        assertThat(assessment.signals()).contains("trajectory: steps given did not help");
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void thePlainSameReplyWithoutEarlierStepsIsNotATrajectorySignal() {
        var assessment = analyzer.assess("did all three, still nothing shows up", List.of());

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("trajectory"));
    }

    @Test
    void sayingTheStepsWorkedIsNotConfused() {
        var assessment = analyzer.assess("that worked, thanks!", STEPS_GIVEN);

        assertThat(assessment.signals()).contains("resolved: the customer says it works now")
                .noneMatch(signal -> signal.startsWith("trajectory"));
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void askingTheSameQuestionInOtherWordsIsConfused() {
        var assessment = analyzer.assess("where do I link my calendar to the app?", STEPS_GIVEN);

        assertThat(assessment.signals()).anySatisfy(signal -> assertThat(signal)
                .startsWith("trajectory: asked again in other words"));
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void aDifferentFollowUpQuestionIsNotARepeat() {
        var assessment = analyzer.assess("Got it. Can I also change my invoice address?", STEPS_GIVEN);

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("trajectory"));
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void movingOnToTheNextProblemOnTheSameSubjectIsNotAskingAgain() {
        var history = List.of(Turn.customer("How do I reset my password?"),
                Turn.assistant("Select Forgot password? on the sign-in page and follow the link in the email."),
                Turn.customer("The reset email never arrived"),
                Turn.assistant("Check your spam folder, then request a new link."));

        var assessment = analyzer.assess("Now my account is locked", history);

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("trajectory: asked again"));
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void repeatingAnEarlierQuestionWordForWordIsASignal() {
        var assessment = analyzer.assess("how do I reset my password",
                List.of(Turn.customer("Hi there"), Turn.customer("How do I reset my password?")));

        assertThat(assessment.signals()).anySatisfy(signal -> assertThat(signal).startsWith("trajectory: "));
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void onlyQuestionMarksAfterAnAnswerAreConfused() {
        var assessment = analyzer.assess("??", STEPS_GIVEN);

        assertThat(assessment.signals()).contains("trajectory: only question marks in reply to the answer");
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void frustrationRisingAcrossTurnsIsNamed() {
        var assessment = analyzer.assess("This is RIDICULOUS, I am so frustrated with this",
                List.of(Turn.customer("The sync seems slow today"), Turn.assistant("Sync can take a few minutes.")));

        assertThat(assessment.signals()).contains("trajectory: frustration rising across turns");
    }

    @Test
    void frustrationAsHighAsBeforeIsNotRising() {
        var assessment = analyzer.assess("still ridiculous",
                List.of(Turn.customer("this is ridiculous"), Turn.assistant("Sorry to hear that.")));

        assertThat(assessment.signals()).doesNotContain("trajectory: frustration rising across turns");
    }

    @Test
    void assistantTurnsAreNotTakenForTheCustomerRepeatingThemselves() {
        var assessment = analyzer.assess("How do I export my data to a spreadsheet?",
                List.of(Turn.assistant("Welcome! How do I export my data to a spreadsheet? is a common question.")));

        assertThat(assessment.signals()).noneMatch(signal -> signal.startsWith("trajectory"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "??", "?!?!", "...", "\uD83D\uDE43", "ok"})
    void emptyIshMessagesAreHandledAndNotConfusedOnTheirOwn(String message) {
        var assessment = assess(message);

        assertThat(assessment.level()).isBetween(0.0, 0.6);
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void aVeryLongMessageIsHandledAndKeepsItsSignals() {
        String message = "I am stuck, the export never finishes. " + "Here is what the log says, over and over. "
                .repeat(240);
        assertThat(message).hasSizeGreaterThan(10_000);

        var assessment = assess(message);

        // The repeated log does not dilute what the first sentence says.
        assertThat(assessment.level()).isGreaterThanOrEqualTo(assess("I am stuck, the export never finishes.").level());
        assertThat(assessment.signals()).contains("confusion phrase: stuck");
    }

    @Test
    void aPastedStackTraceIsHandledAndNamed() {
        var assessment = assess("""
                java.lang.IllegalStateException: Failed to load ApplicationContext
                    at org.springframework.test.context.cache.DefaultCacheAwareContextLoaderDelegate.loadContext(DefaultCacheAwareContextLoaderDelegate.java:180)
                    at org.springframework.test.context.support.DefaultTestContext.getApplicationContext(DefaultTestContext.java:130)
                Caused by: java.lang.NullPointerException: Cannot invoke "String.length()" because "s" is null
                    at com.example.Uploader.run(Uploader.java:42)
                """);

        assertThat(assessment.level()).isPositive();
        assertThat(assessment.signals()).anySatisfy(signal -> assertThat(signal).startsWith("error code: "));
    }

    @Test
    void aCalmGermanQuestionIsBelowTheThreshold() {
        var assessment = assess("Guten Tag, wie kann ich meine Rechnungsadresse ändern?");

        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void aGermanDoesNotWorkIsNamed() {
        assertThat(assess("Der Export funktioniert nicht").signals()).contains("confusion phrase: funktioniert nicht");
    }

    @Test
    void japaneseTextIsHandled() {
        var assessment = assess("パスワードをリセットするにはどうすればいいですか？");

        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void levelNeverExceedsOne() {
        var assessment = analyzer.assess("""
                I'm SO CONFUSED and STUCK and LOST!! This is RIDICULOUS, USELESS, TERRIBLE, I hate it, I'm fed up.
                Nothing works, it's broken, I tried everything, I don't understand, no idea, makes no sense.
                Error 0x80070005, HTTP 500, E1234. Why? How? What? Where? Maybe, I guess, not sure, whatever.
                """, List.of(Turn.customer("Nothing works, it's broken, I tried everything, I don't understand")));

        assertThat(assessment.level()).isEqualTo(1.0);
        assertThat(assessment.confused()).isTrue();
    }

    @Test
    void levelNeverFallsBelowZero() {
        // Thanks, a fix confirmed and a calm question: every signal that lowers the level at once.
        var assessment = assess("Thanks, that worked perfectly! Everything is fine now. Which browsers do you support?");

        assertThat(assessment.level()).isZero();
        assertThat(assessment.confused()).isFalse();
    }

    @Test
    void levelIsRoundedToTwoDecimals() {
        double level = assess("I'm stuck, the installer shows 0x80070005").level();

        assertThat(level * 100).isCloseTo(Math.rint(level * 100), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void confusedFlagFollowsTheConfiguredThreshold() {
        String message = "The installer shows 0x80070005";
        double level = assess(message).level();
        assertThat(level).isStrictlyBetween(0.0, 0.99);

        assertThat(analyzer(level).assess(message, List.of()).confused()).as("level exactly at the threshold")
                .isTrue();
        assertThat(analyzer(level + 0.01).assess(message, List.of()).confused()).as("threshold just above the level")
                .isFalse();
    }
}
