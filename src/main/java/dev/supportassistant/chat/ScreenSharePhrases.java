package dev.supportassistant.chat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.supportassistant.knowledge.KnowledgePassage;

/**
 * Whether an answer asks the customer to share their screen, so the frontend opens its panel even
 * when the model offered it on its own, without the confusion score asking it to. An offer is a
 * sentence that mentions sharing the screen and asks something of the customer: a question, an
 * invitation ("would you like", "if you share", "please share"), a suggestion. Mentioning the topic
 * is not an offer: a list of help topics ("Sharing your screen with support"), a heading, a list
 * item of steps, or a help article quoted from the answer's sources.
 */
final class ScreenSharePhrases {

    private static final Pattern SCREEN_SHARING = Pattern.compile(
            "\\bshar(?:e|ing)\\s+(?:your|the|my|a|their|his|her)\\s+(?:entire\\s+|whole\\s+)?screens?\\b"
                    + "|\\bscreen[\\s-]?shar(?:e|es|ed|ing)\\b");
    private static final Pattern INVITATION = Pattern.compile(
            "\\?|\\b(?:would|do|did)\\s+you\\s+(?:like|want|mind|prefer)\\b|\\bif\\s+you\\s+(?:share|can\\s+share|could\\s+share"
                    + "|are\\s+happy|agree|like|want|prefer)\\b|\\bplease\\b|\\b(?:you|we)\\s+(?:can|could|may|might)\\s+"
                    + "(?:share|start|try|look|open|set\\s+up)\\b|\\blet(?:'s|\\s+us|\\s+me)\\b|\\bfeel\\s+free\\b"
                    + "|\\b(?:i|we)\\s+(?:can|could|'d|would)\\s+(?:start|set\\s+up|open|send|look|see|guide|offer|help\\s+you\\s+share)\\b"
                    + "|\\b(?:suggest|recommend|invite|offer)\\w*\\b|\\btry\\s+sharing\\b|\\bhow\\s+about\\b|\\bwhy\\s+not\\b"
                    + "|\\bquicker\\s+to\\s+look\\b|\\blook\\s+at\\s+it\\s+together\\b");
    /** Steps telling the customer how to end sharing are not an offer to start it. */
    private static final Pattern ENDING = Pattern.compile("\\bstop(?:s|ped)?\\s+(?:screen[\\s-]?)?shar|\\bend(?:s)?\\s+the\\s+(?:session|call)");
    private static final Pattern LIST_OR_HEADING = Pattern.compile("^\\s*(?:[-*+•]|\\d+[.)]|#{1,6}\\s|\\*\\*[^*]+\\*\\*\\s*$)");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\R+");

    private ScreenSharePhrases() {
    }

    /** Whether {@code answer} offers screen sharing; text quoted from {@code sources} does not count. */
    static boolean offeredIn(String answer, List<KnowledgePassage> sources) {
        if (answer == null || answer.isBlank()) {
            return false;
        }
        Set<String> quoted = new HashSet<>();
        for (KnowledgePassage source : sources) {
            for (String line : source.text().split("\\R")) {
                if (!line.isBlank()) {
                    quoted.add(line.strip());
                }
            }
        }
        for (String line : answer.split("\\R")) {
            if (line.isBlank() || quoted.contains(line.strip()) || LIST_OR_HEADING.matcher(line).find()) {
                continue;
            }
            for (String sentence : SENTENCE_END.split(line)) {
                if (isOffer(sentence.toLowerCase(Locale.ROOT).replace('\u2019', '\''))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isOffer(String sentence) {
        return SCREEN_SHARING.matcher(sentence).find() && INVITATION.matcher(sentence).find()
                && !ENDING.matcher(sentence).find();
    }
}
