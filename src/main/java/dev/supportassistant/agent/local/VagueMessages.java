package dev.supportassistant.agent.local;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a message says there is a problem without saying which: "I need help with my computer",
 * "something is wrong", "I have a problem with the thing". Every word in it is either a common
 * English word or a general one for a device, the product or trouble; nothing names a feature, an
 * action or an error. Picking an article for such a message is a guess, so the assistant asks
 * what happened instead.
 */
final class VagueMessages {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:'[\\p{L}]+)?");
    private static final Set<String> COMMON = Set.of(
            "a", "an", "the", "and", "or", "but", "so", "to", "of", "in", "on", "at", "by", "for", "with", "from",
            "about", "is", "are", "was", "were", "be", "been", "am", "do", "does", "did", "have", "has", "had",
            "having", "i", "me", "my", "mine", "we", "our", "us", "you", "your", "it", "its", "it's", "this", "that",
            "there", "here", "what", "can", "could", "would", "will", "should", "may", "might", "please", "hi",
            "hello", "hey", "just", "also", "any", "some", "not", "no", "up", "get", "got", "getting", "need",
            "needs", "want", "wanted", "i'm", "i've", "im", "ive", "don't", "doesn't", "isn't", "can't", "cannot",
            "won't", "again", "still", "very", "really", "now", "today", "quick", "urgent", "asap", "one", "bit",
            "little", "kind", "sort", "someone", "anyone", "somebody", "something", "anything", "everything",
            "thing", "things", "stuff", "thingy", "right", "currently", "suddenly", "since", "all", "too", "like",
            "guys", "team", "ok", "okay", "if", "how", "which", "where", "why", "when", "who", "way", "seems");
    /** Words for trouble, help and the product in general, which say nothing about which problem. */
    private static final Set<String> GENERAL = Set.of(
            "help", "helps", "helping", "assistance", "assist", "support", "problem", "problems", "issue", "issues",
            "trouble", "troubles", "question", "questions", "query", "wrong", "broken", "broke", "break", "weird",
            "strange", "odd", "bad", "fix", "fixed", "sort", "solve", "work", "works", "working", "worked",
            "computer", "laptop", "pc", "desktop", "device", "machine", "phone", "mobile", "tablet", "app", "apps",
            "application", "program", "software", "system", "tool", "product", "service", "account", "tech",
            "technical", "error", "errors", "happening", "happened", "going", "on", "off", "look", "into",
            "experiencing", "facing", "encountering", "having");

    private VagueMessages() {
    }

    static boolean isVague(String message) {
        Matcher words = WORD.matcher(message.toLowerCase(Locale.ROOT).replace('\u2019', '\''));
        boolean anyWord = false;
        while (words.find()) {
            String word = words.group();
            anyWord = true;
            if (word.chars().anyMatch(Character::isDigit) || !COMMON.contains(word) && !GENERAL.contains(word)) {
                return false;
            }
        }
        return anyWord;
    }
}
