package dev.supportassistant.agent.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Greetings, thanks, closings and waiting: a message made only of courtesies ("Thanks, that is all.",
 * "Great, it works now. Thank you!", "good morning", "thanks, I am waiting", "ok I'll wait") asks for
 * no help article, and gets a short reply that fits it. A message with anything else in it ("thanks,
 * but it still fails", "hi, how do I reset my password?") is a question, not small talk.
 */
final class SmallTalk {

    /** What a courtesy does. */
    enum Kind {
        GREETING, THANKS, RESOLVED, CLOSING, ACKNOWLEDGEMENT, WAITING
    }

    private static final String FILLER = "(?:\\s+(?:so|very|really|again|now|then|too|a lot|so much|very much|once again"
            + "|all|everyone|there|team|guys|folks|mate|buddy|for now|for today|for (?:the|your|all your) help"
            + "|for helping|for your time|for that))*";
    private static final Pattern GREETING = clause(
            "hi|hello|hey|hiya|howdy|greetings|yo|good (?:morning|afternoon|evening|day)|morning|evening");
    private static final Pattern THANKS = clause("thanks?(?: you)?|thank u|thx|ty|cheers|many thanks|much appreciated"
            + "|(?:i )?appreciate (?:it|that|your help)|(?:that's|that is) (?:very )?(?:helpful|kind)");
    private static final Pattern RESOLVED = clause("(?:it )?works(?: fine| great| perfectly)?|(?:it's|it is) working"
            + "|working|(?:that|this|it) (?:worked|helped|fixed it|did it|did the trick|solved it)|(?:problem |issue |all )?"
            + "(?:solved|fixed|sorted|resolved)|(?:i )?got it working|(?:i )?found it|back to normal|(?:i )?figured it out");
    private static final Pattern CLOSING = clause("(?:that's|that is|that was) (?:all|it|everything)|nothing else"
            + "|no more questions|(?:good)?bye(?: bye)?|see you(?: later)?|take care|have a (?:nice|good|great|lovely) "
            + "(?:day|evening|weekend|one)|all good|all set|(?:i'm|i am) (?:good|all set|done)|done|that's everything");
    private static final Pattern ACKNOWLEDGEMENT = clause("ok(?:ay)?|k|great|perfect|awesome|brilliant|excellent|nice"
            + "|cool|sure|got it|understood|fine|wonderful|sweet|yes|yep|yeah|alright|all right|amazing|lovely|fantastic"
            + "|makes sense|(?:that )?makes sense|i see|noted|good|super");
    /** "I'm waiting", "ok I'll wait", "I'll hold on", "take your time": the customer waits for an answer or a person. */
    private static final Pattern WAITING = clause("(?:(?:i'm|i am|i'll|i will|i'll be|i can|we're|we are|we'll|we will"
            + "|will|happy to|fine to|ok to) )?(?:still )?(?:wait(?:ing)?|hold(?:ing)?(?: on)?|hang(?:ing)? on)"
            + "(?: here| then| patiently)?(?: for (?:them|him|her|it|you|someone|somebody|a person|an agent|a human"
            + "|the agent|the team|an answer|a reply|your reply|a response))?|take your time|no rush|no hurry");
    private static final Map<Kind, Pattern> COURTESIES = new EnumMap<>(Map.of(Kind.GREETING, GREETING,
            Kind.THANKS, THANKS, Kind.RESOLVED, RESOLVED, Kind.CLOSING, CLOSING, Kind.ACKNOWLEDGEMENT, ACKNOWLEDGEMENT,
            Kind.WAITING, WAITING));
    private static final Pattern CLAUSE_BREAK = Pattern.compile("[.,!;:…]+|\\s+-\\s+|\\band\\b|\\s+&\\s+");
    private static final Pattern NOT_WORDS = Pattern.compile("[^\\p{L}\\p{N}'.,!?;:…\\s-]+");
    private static final int MAX_CHARS = 120;

    private SmallTalk() {
    }

    /** The courtesies the message is made of, or empty when it says anything else. */
    static Optional<Set<Kind>> read(String message) {
        String text = NOT_WORDS.matcher(message.toLowerCase(Locale.ROOT).replace('\u2019', '\'')).replaceAll(" ").strip();
        if (text.isEmpty() || text.length() > MAX_CHARS || text.contains("?") && !text.matches("[^?]*\\?\\s*$")) {
            return Optional.empty();
        }
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String clause : CLAUSE_BREAK.split(text.replace("?", ""))) {
            if (!courtesies(clause.strip(), kinds)) {
                return Optional.empty();
            }
        }
        // "How are you?" or "ok?" is a question about something else; only a plain greeting may end in "?".
        return kinds.isEmpty() || text.endsWith("?") && !kinds.equals(EnumSet.of(Kind.GREETING)) ? Optional.empty()
                : Optional.of(kinds);
    }

    /** A short reply to the courtesies. */
    static String reply(Set<Kind> kinds) {
        if (kinds.contains(Kind.WAITING) && !kinds.contains(Kind.RESOLVED) && !kinds.contains(Kind.CLOSING)) {
            // Said to the assistant, so nobody from the support team holds the conversation: no promise
            // that someone will come, only that the assistant is here.
            return "Thanks for your patience! I'm here and can go on helping: tell me what you are trying to do "
                    + "or what went wrong, and I'll look it up in our help articles.";
        }
        if (kinds.contains(Kind.RESOLVED)) {
            return "Glad to hear it works now!" + (kinds.contains(Kind.CLOSING) ? " Have a good day." : " If anything "
                    + "else comes up, just write here.");
        }
        if (kinds.contains(Kind.THANKS) || kinds.contains(Kind.CLOSING)) {
            return kinds.contains(Kind.CLOSING) ? "You're welcome! Have a good day, and write here any time you need help."
                    : "You're welcome! Is there anything else I can help you with?";
        }
        if (kinds.contains(Kind.GREETING)) {
            return "Hello! I'm the support assistant. Tell me what you are trying to do or what went wrong, "
                    + "and I'll look it up in our help articles.";
        }
        return "Is there anything else I can help you with?";
    }

    /**
     * Reads a clause as courtesies one after another ("ok bye", "perfect thanks"), adding their
     * kinds; false when some of it is not a courtesy.
     */
    private static boolean courtesies(String clause, Set<Kind> kinds) {
        String[] words = clause.isEmpty() ? new String[0] : clause.split("\\s+");
        // reached[i]: the kinds of one reading of the first i words, or null when no reading exists.
        List<@Nullable Set<Kind>> reached = new ArrayList<>();
        reached.add(EnumSet.noneOf(Kind.class));
        for (int end = 1; end <= words.length; end++) {
            Set<Kind> reading = null;
            for (int start = end - 1; start >= 0 && reading == null; start--) {
                Optional<Kind> kind = reached.get(start) == null ? Optional.empty()
                        : kindOf(String.join(" ", Arrays.copyOfRange(words, start, end)));
                if (kind.isPresent()) {
                    reading = EnumSet.copyOf(reached.get(start));
                    reading.add(kind.get());
                }
            }
            reached.add(reading);
        }
        Set<Kind> whole = reached.get(words.length);
        if (whole != null) {
            kinds.addAll(whole);
        }
        return whole != null;
    }

    private static Optional<Kind> kindOf(String phrase) {
        return COURTESIES.entrySet().stream().filter(courtesy -> courtesy.getValue().matcher(phrase).matches())
                .map(Map.Entry::getKey).findFirst();
    }

    private static Pattern clause(String phrases) {
        return Pattern.compile("(?:" + phrases + ")" + FILLER);
    }
}
