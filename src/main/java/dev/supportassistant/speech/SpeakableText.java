package dev.supportassistant.speech;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * What a voice is given of a reply: the assistant answers in Markdown, and a voice reads its marks
 * out ("asterisk asterisk"), so only the words are spoken. Headings, paragraphs and list items end
 * as sentences, so the voice pauses where a reader would; links are spoken by their text, images by
 * their description, HTML not at all. Markdown is parsed as CommonMark defines it (commonmark-java),
 * not guessed at with patterns. Also where long text is cut, and split into pieces a voice can be
 * stopped between.
 */
final class SpeakableText {

    /** Thread-safe, and cheap to keep. */
    private static final Parser MARKDOWN = Parser.builder().build();
    /** Longest piece handed to the voice at once: where synthesis can stop once the audio is long enough. */
    static final int PIECE_CHARS = 250;

    private SpeakableText() {
    }

    /** The words of {@code markdown}, on one line. */
    static String of(String markdown) {
        StringBuilder spoken = new StringBuilder();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                spoken.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                spoken.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                spoken.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                spoken.append(' ');
            }

            @Override
            public void visit(HtmlInline html) {
                // A tag says nothing.
            }

            @Override
            public void visit(HtmlBlock html) {
                // Nor does a block of them.
            }

            @Override
            public void visit(FencedCodeBlock code) {
                spoken.append(code.getLiteral());
                endSentence(spoken);
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                spoken.append(code.getLiteral());
                endSentence(spoken);
            }

            @Override
            protected void visitChildren(Node parent) {
                super.visitChildren(parent);
                if (parent instanceof Block) {
                    endSentence(spoken);
                }
            }
        });
        // What CommonMark leaves as text but no one says: table rules and pipes, runs of marks, stray marks.
        return spoken.toString()
                .replaceAll("[-=_]{2,}|[*#|~`]+", " ")
                .replaceAll("\\s+", " ")
                .replaceAll(" ([.,;:!?])", "$1")
                .replaceAll("^[. ]+", "")
                .strip();
    }

    /** A block's end: a full stop, unless it ends with a mark of its own. */
    private static void endSentence(StringBuilder spoken) {
        int end = spoken.length();
        while (end > 0 && Character.isWhitespace(spoken.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && ".!?:;,".indexOf(spoken.charAt(end - 1)) < 0) {
            spoken.insert(end, '.');
        }
        spoken.append(' ');
    }

    /**
     * At most {@code maxChars} of {@code text}: whole sentences when they fill at least half of it,
     * else whole words, else the characters.
     */
    static String cut(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.US);
        sentences.setText(text);
        int end = sentences.preceding(maxChars + 1);
        if (end < maxChars / 2) {
            end = text.lastIndexOf(' ', maxChars);
        }
        if (end < maxChars / 2) {
            end = maxChars;
        }
        return text.substring(0, end).strip();
    }

    /** The text in pieces of whole sentences where they are short enough, of at most {@link #PIECE_CHARS} each. */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.US);
        sentences.setText(text);
        int start = sentences.first();
        for (int end = sentences.next(); end != BreakIterator.DONE; start = end, end = sentences.next()) {
            String sentence = text.substring(start, end).strip();
            while (sentence.length() > PIECE_CHARS) {
                String piece = cut(sentence, PIECE_CHARS);
                pieces.add(piece);
                sentence = sentence.substring(piece.length()).strip();
            }
            if (!sentence.isEmpty()) {
                pieces.add(sentence);
            }
        }
        return pieces;
    }
}
