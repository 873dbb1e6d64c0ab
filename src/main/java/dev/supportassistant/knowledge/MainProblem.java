package dev.supportassistant.knowledge;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The problem a customer marks as the main one in a message that names several: "the installer
 * worked; the real problem is the app times out", "…but first, how do I stop us being billed",
 * "sort out the duplicate payment first". Searching the whole message lets the side topic win as
 * often as not (its words are as many); searching the marked part answers what the customer asked
 * for, and the rest of the message stays available as a follow-up. Read from the customer's own
 * markers only, so a message without one is searched whole, as before.
 *
 * @param main the part of the message that states the main problem
 * @param rest the rest of the message, which may name another problem
 */
record MainProblem(String main, String rest) {

    /** Phrases after which the customer states the main problem. */
    private static final Pattern MARKER_BEFORE = Pattern.compile("(?:\\b(?:the|my|our) )?\\b(?:"
            + "(?:real|actual|main|bigger|biggest) (?:problem|issue|question|thing)(?: now)?(?: is)?"
            + "|what i (?:really |actually )?need(?: now| to know)?(?: is)?"
            + "|mainly|mostly|but right now|mine is|the thing i need is)\\b[:,]?\\s*"
            + "|(?:(?:\\bbut|\\bnow|\\band|,)\\s*|^\\s*)first\\b(?: of all)?,?\\s*",
            Pattern.CASE_INSENSITIVE);
    /** "…, sort out the duplicate payment first": the marker closes the main clause. */
    private static final Pattern MARKER_AFTER = Pattern.compile("\\b(?:first|most of all|above all)\\W*$",
            Pattern.CASE_INSENSITIVE);
    /** Where a sentence or clause ends. */
    private static final Pattern CLAUSE_END = Pattern.compile("[.;!?]|,\\s*(?:but|and|after that|then)\\b|\\s-\\s");
    /** Where a clause before a closing marker starts. */
    private static final Pattern CLAUSE_START = Pattern.compile(".*[,;.!?]", Pattern.DOTALL);
    /** A main part with fewer letters than this says too little to search on its own. */
    private static final int MIN_LETTERS = 8;

    /** The main problem the message marks, or empty when it marks none. */
    static Optional<MainProblem> of(String message) {
        Matcher before = MARKER_BEFORE.matcher(message);
        while (before.find()) {
            String after = message.substring(before.end());
            Matcher end = CLAUSE_END.matcher(after);
            String main = end.find() ? after.substring(0, end.start()) : after;
            if (letters(main) >= MIN_LETTERS) {
                String rest = message.substring(0, before.start()) + " " + after.substring(main.length());
                return Optional.of(new MainProblem(main.strip(), rest.strip()));
            }
        }
        Matcher closing = MARKER_AFTER.matcher(message);
        if (closing.find()) {
            String clause = message.substring(0, closing.start());
            Matcher start = CLAUSE_START.matcher(clause);
            if (start.lookingAt()) {
                String main = clause.substring(start.end());
                if (letters(main) >= MIN_LETTERS) {
                    return Optional.of(new MainProblem(main.strip(), clause.substring(0, start.end() - 1).strip()));
                }
            }
        }
        return Optional.empty();
    }

    private static long letters(String text) {
        return text.toLowerCase(Locale.ROOT).chars().filter(Character::isLetter).count();
    }
}
