package dev.supportassistant.handoff;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognizes a customer asking for a person: "can I talk to a human", "I want a real person",
 * "connect me with an agent", "speak to someone from support". Phrases rather than single words,
 * because "human error" or "the agent app crashes" ask for nobody; a negated request ("I don't
 * need a human") does not count.
 */
final class HumanRequests {

    private static final String PERSON = "(?:a |an |the |some |one of your |your )?(?:real |live |actual |human )?"
            + "(?:human(?: being)?|person|people|agent|representative|rep|operator"
            + "|(?:customer )?(?:support|service) (?:agent|staff|person|team|rep|representative)|customer service"
            + "|someone (?:real|from (?:support|your team))|somebody (?:real|from (?:support|your team))|staff|employee"
            + "|supervisor|manager)";
    private static final Pattern ASKS = Pattern.compile(
            "\\b(?:talk|speak|chat|connect|transfer|put|get|escalate|hand)(?:ing)?(?: me)?(?: through)? (?:to|with|me to|me with)? ?"
                    + PERSON + "\\b"
                    + "|\\b(?:want|need|request|give me|get me)(?:s|ed)? (?:to (?:talk|speak) (?:to|with) )?" + PERSON + "\\b"
                    + "|\\b(?:real|live|actual) (?:human|person|agent)\\b"
                    + "|\\bhuman (?:agent|support|help|please)\\b"
                    + "|\\bis (?:there|this) (?:a |an )?(?:real )?(?:human|person)\\b"
                    + "|\\bare you (?:a )?(?:human|real person|bot|robot)\\b.*\\b(?:human|person)\\b");
    private static final Pattern NEGATED = Pattern.compile(
            "\\b(?:don'?t|do not|no need|not necessary|no)\\b[^.!?]{0,30}\\b(?:need|want|have to|talk|speak)?[^.!?]{0,20}"
                    + "\\b(?:human|person|agent|someone)\\b");

    private HumanRequests() {
    }

    static boolean asksForPerson(String message) {
        String text = message.toLowerCase(Locale.ROOT).replace('’', '\'');
        return ASKS.matcher(text).find() && !NEGATED.matcher(text).find();
    }
}
