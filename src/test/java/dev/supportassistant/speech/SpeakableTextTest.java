package dev.supportassistant.speech;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The words of an assistant's Markdown reply, as the voice is given them. */
class SpeakableTextTest {

    @Test
    void emphasisHeadingsLinksAndListMarkersAreNotSpoken() {
        String reply = """
                ## Fixing the printer

                **First**, open *Settings* and choose `Printers`:

                1. Click [Troubleshoot](https://support.example.com/printers).
                2. Restart the printer
                - Or call us
                > Still stuck? ![A picture of the menu](menu.png)

                | Step | What |
                |------|------|
                """;

        assertThat(SpeakableText.of(reply)).isEqualTo("Fixing the printer. First, open Settings and choose Printers: "
                + "Click Troubleshoot. Restart the printer. Or call us. Still stuck? A picture of the menu. Step What.");
    }

    @Test
    void plainTextIsSpokenAsItIs() {
        assertThat(SpeakableText.of("Please restart your computer.")).isEqualTo("Please restart your computer.");
        assertThat(SpeakableText.of("<b>**</b> --- **")).isEmpty();
    }

    @Test
    void longTextIsCutAtASentenceOrAWordAndSpokenInShortPieces() {
        String text = "Open Settings. " + "Then click Printers and choose Troubleshoot. ".repeat(40);

        assertThat(SpeakableText.cut(text, 100)).isEqualTo("Open Settings. Then click Printers and choose Troubleshoot.");
        assertThat(SpeakableText.cut("word ".repeat(50), 100)).hasSizeLessThanOrEqualTo(100).endsWith("word");
        assertThat(SpeakableText.cut("1".repeat(500), 100)).hasSize(100);
        assertThat(SpeakableText.pieces("1".repeat(600) + ". Done.")).containsExactly("1".repeat(250), "1".repeat(250),
                "1".repeat(100) + ".", "Done.");
    }
}
