package dev.supportassistant.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a section's Markdown holds besides what a customer reads: an author's
 * {@code <!-- keywords: avatar, profile photo, … -->} comment names the words customers use for
 * the section's topic when the text uses others; a {@code <!-- questions: how can I put a different
 * photo on my profile | change avatar -->} comment lists questions as customers ask them, which the
 * embedding model matches far better than instructions (a question resembles a question); HTML
 * comments in general are notes, never shown. A {@code <!-- symptoms: the shared screen shows only the
 * wallpaper | … -->} comment lists what customers see when the section is their problem, in their
 * words ("the agent sees a black screen" for the macOS screen-recording permission): each is embedded
 * like a question, and its words count as keywords, so a customer who describes the symptom without
 * naming the cause finds the section. Also says which texts of a section are embedded: the
 * whole section, its heading with its keywords, each of the author's questions, and each of its
 * lines under the heading, so a short question that matches one step, one heading or one way of
 * asking is not drowned by the rest of the section.
 */
final class SectionText {

    private static final Pattern KEYWORDS = Pattern.compile("<!--\\s*keywords:(.*?)-->", Pattern.DOTALL);
    private static final Pattern QUESTIONS = Pattern.compile("<!--\\s*questions:(.*?)-->", Pattern.DOTALL);
    private static final Pattern SYMPTOMS = Pattern.compile("<!--\\s*symptoms:(.*?)-->", Pattern.DOTALL);
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->\\n?", Pattern.DOTALL);
    private static final Pattern LIST_MARKER = Pattern.compile("^\\s*(?:[-*+]|\\d+[.)])\\s+");
    /** Lines shorter than this say too little to be embedded on their own. */
    private static final int MIN_LINE_CHARS = 12;

    private SectionText() {
    }

    /** The author's keywords for the section, comma-separated, or an empty string. */
    static String keywords(String content) {
        Matcher matcher = KEYWORDS.matcher(content);
        List<String> keywords = new ArrayList<>();
        while (matcher.find()) {
            keywords.add(matcher.group(1).strip());
        }
        return String.join(", ", keywords);
    }

    /** The author's keywords and the words of the section's symptoms: what the lexical side indexes besides the text. */
    static String searchedWords(String content) {
        List<String> words = new ArrayList<>(List.of(keywords(content)));
        words.addAll(symptoms(content));
        return String.join(", ", words.stream().filter(text -> !text.isBlank()).toList());
    }

    /** The author's questions for the section, as customers would ask them; {@code |} separates them. */
    static List<String> questions(String content) {
        return listed(QUESTIONS, content);
    }

    /** What customers see when the section is their problem, in their words; {@code |} separates them. */
    static List<String> symptoms(String content) {
        return listed(SYMPTOMS, content);
    }

    private static List<String> listed(Pattern comment, String content) {
        Matcher matcher = comment.matcher(content);
        List<String> questions = new ArrayList<>();
        while (matcher.find()) {
            for (String question : matcher.group(1).split("\\|")) {
                if (!question.isBlank()) {
                    questions.add(question.strip());
                }
            }
        }
        return questions;
    }

    /** The section as a customer reads it: without HTML comments. */
    static String shown(String content) {
        return COMMENT.matcher(content).replaceAll("").strip();
    }

    /**
     * The texts embedded for a section, the whole section first: its titles and text; then its
     * heading with its keywords; then each of the author's questions and symptoms as written; then each line
     * (list markers and bold marks removed) after the heading.
     */
    static List<String> embedded(String articleTitle, String heading, String content) {
        String shown = shown(content);
        List<String> texts = new ArrayList<>();
        texts.add(articleTitle + " — " + heading + "\n" + shown);
        String keywords = keywords(content);
        texts.add(keywords.isEmpty() ? heading : heading + " (" + keywords + ")");
        texts.addAll(questions(content));
        texts.addAll(symptoms(content));
        for (String line : shown.split("\\R")) {
            String plain = LIST_MARKER.matcher(line).replaceFirst("").replace("**", "").strip();
            if (plain.length() >= MIN_LINE_CHARS) {
                texts.add(heading + ": " + plain);
            }
        }
        return texts;
    }
}
