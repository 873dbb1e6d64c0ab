package dev.supportassistant.confusion;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Confusion read from what the customer reports the product did to them, rather than from how
 * they feel about it: an error text quoted word for word ("it says 'Session not found'"), a code or
 * entry that is refused ("the code is always rejected"), something that contradicts what they are
 * ("permission denied when I'm the admin", "on my own documents"), and a failure that repeats
 * ("every single time", "did it 4 times"). A customer who quotes the product at us, or has hit the
 * same wall again and again, is past what an article can do for them. Each kind adds a capped
 * weight, as in {@link LexicalSignals}; none reaches the screen-share threshold alone.
 */
final class ReportedFailures {

    private static final String FAILURE_WORDS = "error|fail|failed|failure|denied|invalid|not valid|not found|unable"
            + "|couldn't|could not|can't|cannot|wrong|exceeded|expired|unknown|disabled|not allowed|permission"
            + "|unexpected|refused|rejected|oops|went wrong|not supported|doesn't support|does not support|no access"
            + "|need access|not authori[sz]ed|forbidden|blocked|invalid|incorrect|timed out|0 records|nothing|empty"
            + "|unavailable|not complete|incomplete|try again|not connected|disconnected|doesn't exist|does not exist"
            + "|not registered";
    /** A product message in quotes, or after "it says": the customer is reading it out. */
    private static final Pattern QUOTED = Pattern.compile("[\"“'‘]([^\"”'’]{6,160})[\"”'’]");
    private static final Pattern SAYS = Pattern.compile(
            "\\b(?:says?|saying|said|shows?|showing|tells? me|telling me|pops? up|popup|message|gives? me|getting|"
                    + "get|keeps? (?:saying|showing|telling me))\\b[^.!?]{0,40}?\\b(?:" + FAILURE_WORDS + ")\\b");
    private static final Pattern FAILURE = Pattern.compile("\\b(?:" + FAILURE_WORDS + ")\\b");
    /** An error text pasted without quotes: "Unexpected token < in JSON at position 0". */
    private static final Pattern PASTED = Pattern.compile("\\b(?:unexpected|unknown|invalid|uncaught|unhandled|fatal"
            + "|failed to|unable to|could not|cannot read|cannot find)\\b[^.?!\\n]{0,40}\\b(?:at position \\d+|token|line \\d+"
            + "|exception|json|null|undefined|properties|module|assembly)\\b");
    /** Technical error names: ERR_CONNECTION_RESET, SSL_ERROR_RX_RECORD_TOO_LONG, ECONNREFUSED. */
    private static final Pattern ERROR_NAME = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]+){1,}\\b|\\bE[A-Z]{5,}\\b");
    private static final Pattern REFUSED = Pattern.compile("\\b(?:(?:gets?|got|is|was|are|were|being|been|keeps? being)"
            + "\\s+(?:\\w+\\s+)?(?:rejected|refused|declined|not accepted)|(?:won't|will not|doesn't|does not|didn't"
            + "|would not|wouldn't|never) (?:take|accept|recogni[sz]e)|(?:says?|saying|shows?)[^.!?]{0,20}"
            + "\\b(?:invalid|not valid|wrong code|incorrect|expired)|(?:code|link|token|coupon|invite)\\w*\\s+"
            + "(?:is\\s+|are\\s+)?(?:invalid|not valid|rejected|refused|not accepted|isn't accepted|not working"
            + "|doesn't work|never works|expired))");
    /** What they are or did, set against what they are told: "but I'm the admin", "my own files". */
    private static final Pattern CONTRADICTION = Pattern.compile(
            "\\b(?:but|though|although|even though|when|yet|since)\\s+(?:i'm|i am|i was|we're|we are|i've|we've|i"
                    + "|we|my|the email|it)\\b[^.!?]{0,30}\\b(?:admin|administrator|owner|own|created|made|uploaded"
                    + "|paid|pay|bought|purchased|accepted|added|invited|subscribed|valid|just|fresh|new|same|only"
                    + "|requested|literally)\\b|\\b(?:my own|myself|i'm literally|i am literally|i am the|i'm the|i own"
                    + "|in my|that's in my|i created)\\b[^.!?]{0,60}\\b(?:denied|permission|not allowed|access|can't"
                    + "|cannot|403|forbidden)\\b|\\b(?:denied|permission|not allowed|no access|403|forbidden|need access"
                    + "|can't open|cannot open)\\b[^.!?]{0,40}\\b(?:my own|myself|i own|i'm the|i am the|i created"
                    + "|i uploaded|in my|i'm literally|i accepted)\\b");
    private static final Pattern REPEATED = Pattern.compile("\\b(?:every (?:single )?time|each time|every time i"
            + "|over and over|again and again|(?:\\d+|two|three|four|five|six|ten|several|many|multiple|a few|a dozen)"
            + " times|(?:third|fourth|fifth|tenth) time|like ten times|every single|always|all (?:week|day|morning)"
            + "|for (?:an|one|two|three|several) (?:hours?|days?)|for (?:a while|ages|hours|days)|keeps? (?:saying"
            + "|telling|showing|asking|sending|coming|failing|happening|loading|spinning|crashing|dumping|kicking"
            + "|logging|going|returning|bringing|taking)|(?:once|twice) already|still\\b"
            + "|(?:sends?|dumps?|throws?|kicks?|takes?|brings?|puts?) me (?:straight |right )?back|back to (?:the )?(?:same"
            + "|start|beginning|login|sign[- ]in)|goes back to|\\bloop\\b|round in circles)");

    /** What they already tried, or how long they have been at it. */
    private static final Pattern EFFORT = Pattern.compile("\\b(?:i've|i have|i|we've|we have|we|been|already|also)\\s+"
            + "(?:already\\s+|also\\s+|even\\s+)?(?:tried|been trying|been at|reinstalled|restarted|rebooted|cleared|changed"
            + "|removed|re-?added|updated|disabled|followed|checked|looked|searched|remapped|paused|toggled"
            + "|spent|done that|did that|been through|gone through|clicked)\\b|\\b(?:i've|i have|we've|we have|already)"
            + "\\s+(?:already\\s+)?reset\\b|\\b(?:tried|been through|checked|looked)"
            + "\\s+(?:every|all|each|several|many|\\d+|two|three)\\b|\\bhere's what i've tried|\\b(?:for|spent|now)\\s+"
            + "(?:\\d+|an?|one|two|three|the better part of|most of)\\s*(?:minutes?|min|hours?|days?|the morning|the day"
            + "|the afternoon|morning|afternoon)|\\b\\d+\\s*(?:minutes?|min|hours?)\\s+(?:now|already|of this)\\b"
            + "|\\b(?:changed|updated|restarted|reinstalled|cleared|removed|rebooted|disabled|reset)\\b[^.!?]{0,40},\\s*"
            + "(?:and\\s+)?(?:changed|updated|restarted|reinstalled|cleared|removed|rebooted|disabled|reset|tried)\\b");
    /** Their screen is not what they were told: "there's no Integrations tab", "I only see Home". */
    private static final Pattern INTERFACE_DIFFERS = Pattern.compile("\\b(?:there's no|there is no|there isn't (?:a|an|any)"
            + "|i don't have (?:a|an|any)|i only see|i only have|only has|only shows|nothing called|doesn't look like"
            + "|does not look like|looks (?:completely |totally )?different|not what you (?:said|described)|which one do you"
            + "|which (?:one|button|icon|menu) (?:do you|is)|doesn't match|does not match|no such (?:option|button|menu"
            + "|setting))\\b");
    /** A why-question about what the product does: "why does it say", "why am I getting". */
    private static final Pattern PUZZLED = Pattern.compile("\\bwhy (?:does it|is it|do i|am i|can't i|won't it|does the"
            + "|is the|would it|do i keep|does this|is this|is my|are my)\\b");

    /** The part of the confusion level read from the failures the customer reports. */
    double score(String message, String text, List<String> signals) {
        double level = 0;
        String quoted = quotedFailure(message, text);
        if (quoted != null) {
            signals.add("quoted error: " + quoted);
            level += 0.25;
        }
        Matcher refused = REFUSED.matcher(text);
        if (refused.find()) {
            signals.add("refused: " + refused.group().strip());
            level += 0.3;
        }
        Matcher contradiction = CONTRADICTION.matcher(text);
        if (contradiction.find()) {
            signals.add("contradiction: " + contradiction.group().strip());
            level += 0.35;
        }
        Matcher effort = EFFORT.matcher(text);
        if (effort.find()) {
            signals.add("effort: " + effort.group().strip());
            level += 0.2;
        }
        Matcher differs = INTERFACE_DIFFERS.matcher(text);
        if (differs.find()) {
            signals.add("interface differs: " + differs.group().strip());
            level += 0.25;
        }
        Matcher puzzled = PUZZLED.matcher(text);
        if (puzzled.find()) {
            signals.add("puzzled: " + puzzled.group().strip());
            level += 0.15;
        }
        Matcher repeated = REPEATED.matcher(text);
        if (repeated.find()) {
            signals.add("repeated failure: " + repeated.group().strip());
            level += 0.2;
        }
        return level;
    }

    /** The error text the customer quotes, if they quote one. */
    private static @Nullable String quotedFailure(String message, String text) {
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            if (FAILURE.matcher(LexicalSignals.normalized(quoted.group(1))).find()) {
                return quoted.group(1).strip();
            }
        }
        Matcher name = ERROR_NAME.matcher(message);
        if (name.find()) {
            return name.group();
        }
        Matcher pasted = PASTED.matcher(text);
        if (pasted.find()) {
            return pasted.group().strip();
        }
        Matcher says = SAYS.matcher(text);
        return says.find() ? says.group().strip() : null;
    }
}
