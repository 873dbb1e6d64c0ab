package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SectionTextTest {

    private static final String SECTION = """
            <!-- keywords: avatar, profile photo -->
            <!-- questions: how can I put a different photo on my profile |  | change avatar -->

            1. Open **Settings > Account > Profile**.
            2. Select **Upload photo**.
            - Ok.""";

    @Test
    void keywordsComeFromTheAuthorsComment() {
        assertThat(SectionText.keywords(SECTION)).isEqualTo("avatar, profile photo");
        assertThat(SectionText.keywords("1. Open Settings.")).isEmpty();
    }

    /** Symptoms are embedded like questions and their words searched like keywords (issue 34). */
    @Test
    void symptomsAreEmbeddedOneByOneAndSearchedAsWords() {
        String section = "<!-- keywords: screen recording -->\n"
                + "<!-- symptoms: the agent sees only my wallpaper | black screen on my Mac -->\n1. Open System Settings.";

        assertThat(SectionText.symptoms(section)).containsExactly("the agent sees only my wallpaper",
                "black screen on my Mac");
        assertThat(SectionText.searchedWords(section))
                .isEqualTo("screen recording, the agent sees only my wallpaper, black screen on my Mac");
        assertThat(SectionText.embedded("Screen sharing", "Allow screen recording", section))
                .contains("the agent sees only my wallpaper", "black screen on my Mac");
        assertThat(SectionText.shown(section)).isEqualTo("1. Open System Settings.");
    }

    @Test
    void customersNeverSeeComments() {
        assertThat(SectionText.shown(SECTION)).startsWith("1. Open").doesNotContain("<!--").doesNotContain("avatar")
                .doesNotContain("different photo");
    }

    @Test
    void questionsComeFromTheAuthorsCommentOneBetweenEachBar() {
        assertThat(SectionText.questions(SECTION)).containsExactly("how can I put a different photo on my profile",
                "change avatar");
        assertThat(SectionText.questions("<!-- keywords: avatar -->\n1. Open Settings.")).isEmpty();
    }

    @Test
    void theWholeSectionIsEmbeddedFirstThenItsHeadingWithKeywordsThenItsQuestionsThenItsLines() {
        assertThat(SectionText.embedded("Managing your account", "Change your profile picture", SECTION)).containsExactly(
                "Managing your account — Change your profile picture\n" + SectionText.shown(SECTION),
                "Change your profile picture (avatar, profile photo)",
                "how can I put a different photo on my profile",
                "change avatar",
                "Change your profile picture: Open Settings > Account > Profile.",
                "Change your profile picture: Select Upload photo.");
    }
}
