package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HelpArticleTest {

    private static final String ARTICLE = """
            # Resetting your password

            If you have forgotten your password, set a new one.

            ## Reset from the sign-in page

            1. Select **Forgot password?**.
            ### A sub-heading stays in the body
            2. Follow the link.

            ## Reset email did not arrive
            - Check your spam folder.
            """;

    @Test
    void titleComesFromTheFirstLevelOneHeading() {
        var article = HelpArticle.parse("password-reset.md", ARTICLE);

        assertThat(article.slug()).isEqualTo("password-reset");
        assertThat(article.title()).isEqualTo("Resetting your password");
    }

    @Test
    void sectionsAreSplitAtLevelTwoHeadingsWithTheIntroHeadedByTheTitle() {
        var article = HelpArticle.parse("password-reset.md", ARTICLE);

        assertThat(article.sections()).extracting(HelpArticle.Section::heading).containsExactly(
                "Resetting your password", "Reset from the sign-in page", "Reset email did not arrive");
        assertThat(article.sections().get(0).body())
                .isEqualTo("If you have forgotten your password, set a new one.");
        assertThat(article.sections().get(1).body()).isEqualTo("""
                1. Select **Forgot password?**.
                ### A sub-heading stays in the body
                2. Follow the link.""");
        assertThat(article.sections().get(2).body()).isEqualTo("- Check your spam folder.");
    }

    @Test
    void withoutATitleHeadingTheTitleComesFromTheFileName() {
        var article = HelpArticle.parse("Two-Factor-Codes.md", "## Codes not working\nUse the newest code.");

        assertThat(article.slug()).isEqualTo("two-factor-codes");
        assertThat(article.title()).isEqualTo("two factor codes");
        assertThat(article.sections()).containsExactly(
                new HelpArticle.Section("Codes not working", "Use the newest code."));
    }

    @Test
    void emptySectionsAreLeftOut() {
        var article = HelpArticle.parse("a.md", "# A\n\n## Empty\n\n## Full\ntext\n");

        assertThat(article.sections()).containsExactly(new HelpArticle.Section("Full", "text"));
    }

    @Test
    void aLaterLevelOneHeadingIsBodyText() {
        var article = HelpArticle.parse("a.md", "# First\n## Section\ntext\n# Not a title\n");

        assertThat(article.title()).isEqualTo("First");
        assertThat(article.sections().get(0).body()).contains("# Not a title");
    }
}
