package dev.supportassistant.confusion;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Confusion read from what the customer reports the product did to them, rather than from how
 * they feel about it: an error text quoted word for word ("it says 'Session not found'"), a code or
 * entry that is refused ("the code is always rejected"), something that contradicts what they are or
 * were told ("permission denied when I'm the admin", "on my own documents", "but the email said"), a
 * failure that repeats ("every single time", "did it 4 times"), effort spent, a dead end ("and then
 * nothing") and a puzzled question ("why does it say", "what does that mean??"). A customer who quotes
 * the product at us and is puzzled by it, or has hit the same wall again and again, is past what an
 * article can do for them; one who only reads out what it says ("the link says it is invalid") tells
 * us the problem, once: a refusal quoted from the screen counts as one report. Each kind adds a capped
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
                    + "|paid|already|bought|purchased|accepted|added|invited|subscribed|valid|just|fresh|new|same|only"
                    + "|requested|literally)\\b|\\b(?:my own|myself|i'm literally|i am literally|i am the|i'm the|i own"
                    + "|in my|that's in my|i created)\\b[^.!?]{0,60}\\b(?:denied|permission|not allowed|access|can't"
                    + "|cannot|403|forbidden)\\b|\\b(?:denied|permission|not allowed|no access|403|forbidden|need access"
                    + "|can't open|cannot open)\\b[^.!?]{0,40}\\b(?:my own|myself|i own|i'm the|i am the|i created"
                    + "|i uploaded|in my|i'm literally|i accepted)\\b"
                    // What they were told or shown elsewhere: "but the email said it applies to all plans",
                    // "but my bank shows once".
                    + "|\\b(?:but|though|although|even though|yet)\\s+(?:the|your|you|my|our)\\s+(?:\\w+\\s+){0,2}?"
                    + "(?:said|says|told|promised|claimed|claims|shows)\\b");
    private static final Pattern REPEATED = Pattern.compile("\\b(?:every (?:single )?time|each time|every time i"
            + "|over and over|again and again|(?:\\d+|two|three|four|five|six|ten|several|many|multiple|a few|a dozen)"
            + " times|(?:third|fourth|fifth|tenth) time|like ten times|every single|always|all (?:week|day|morning)"
            + "|for (?:an|one|two|three|several) (?:hours?|days?)|for (?:a while|ages|hours|days)|keeps? (?:saying"
            + "|telling|showing|asking|sending|coming|failing|happening|loading|spinning|crashing|dumping|kicking"
            + "|logging|going|returning|bringing|taking)|(?:once|twice) already|still\\b"
            + "|(?:sends?|dumps?|throws?|kicks?|takes?|brings?|puts?) me (?:straight |right )?back|back to (?:the )?(?:same"
            + "|start|beginning|login|sign[- ]in)|goes back to|\\bloop\\b|round in circles|(?<!try |once |in |on |out |up )again\\b)");
    /** What is refused is brand new: "I requested it 1 minute ago", "even though it's the fresh one". */
    private static final Pattern FRESH = Pattern.compile("\\b(?:\\d+|a|one|two|few|a few|couple of|a couple of)"
            + " (?:seconds?|secs?|minutes?|mins?) ago\\b|\\bjust (?:now|requested|sent|received|got it|reset it)\\b"
            + "|\\b(?:brand new|fresh) (?:one|code|link|key|token|email)\\b|\\bthe fresh one\\b");

    /** What they already tried, or how long they have been at it. */
    private static final Pattern EFFORT = Pattern.compile("\\b(?:i've|i have|i|we've|we have|we|been|already|also)\\s+"
            + "(?:already\\s+|also\\s+|even\\s+)?(?:tried|been trying|been at|reinstalled|restarted|rebooted|cleared|changed"
            + "|removed|re-?added|updated|disabled|followed|checked|looked|searched|remapped|paused|toggled"
            + "|spent|done that|did that|been through|gone through|clicked)\\b|\\b(?:i've|i have|we've|we have|already)"
            + "\\s+(?:already\\s+)?reset\\b|\\b(?:tried|been through|checked|looked|changed|clicked|searched|went through)"
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
            + "|is the|would it|do i keep|does this|is this|is my|are my)\\b|\\bwhat (?:does|do) (?:that|this|it) mean\\b"
            + "|\\bwhat (?:am i|are we) (?:meant|supposed) to do\\b|\\bwhat (?:do|should|can) (?:i|we) do (?:now|with (?:that"
            + "|this|it))\\b");
    /** A question asked with "??" or "?!": "what does that mean??", "verify what??". */
    private static final Pattern EXASPERATED = Pattern.compile("[\\p{L}\\p{N}'\")]\\s*\\?[?!]");
    /** Where the product leaves them: "and then nothing", "nothing else", "and that's it". */
    private static final Pattern DEAD_END = Pattern.compile("\\b(?:and |but )?then nothing\\b|\\bnothing else\\b"
            + "|\\band that's (?:all|it)\\b|\\bthat's all it (?:says|shows)\\b|\\bno (?:other )?(?:explanation|details|reason"
            + "|hint) (?:given|at all)\\b");

    /** The part of the confusion level read from the failures the customer reports. */
    double score(String message, String text, List<String> signals) {
        double level = 0;
        Quote quoted = quotedFailure(message, text);
        if (quoted != null) {
            signals.add("quoted error: " + quoted.text());
            level += 0.25;
        }
        Matcher refused = REFUSED.matcher(text);
        boolean refusedAtAll = refused.find();
        if (refusedAtAll && (quoted == null || !quoted.overlaps(refused))) {
            // "It says the link is invalid" reads as both a quote and a refusal: one report, counted once.
            signals.add("refused: " + refused.group().strip());
            level += 0.3;
        }
        Matcher contradiction = CONTRADICTION.matcher(text);
        Matcher fresh = FRESH.matcher(text);
        if (contradiction.find()) {
            signals.add("contradiction: " + contradiction.group().strip());
            level += 0.35;
        } else if ((quoted != null || refusedAtAll) && fresh.find()) {
            signals.add("contradiction: refused though new: " + fresh.group().strip());
            level += 0.35;
        }
        Matcher effort = EFFORT.matcher(text);
        if (findOutsideContext(effort, text)) {
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
        } else if (EXASPERATED.matcher(text).find()) {
            signals.add("puzzled: ??");
            level += 0.15;
        }
        Matcher deadEnd = DEAD_END.matcher(text);
        if (deadEnd.find()) {
            signals.add("dead end: " + deadEnd.group().strip());
            level += 0.15;
        }
        Matcher repeated = REPEATED.matcher(text);
        if (repeated.find()) {
            signals.add("repeated failure: " + repeated.group().strip());
            level += 0.2;
        }
        return level;
    }

    /** Words after which "we changed the URL" says when the trouble began, not what was tried against it. */
    private static final Pattern WHEN_IT_BEGAN = Pattern.compile("\\b(?:after|since|when|once|because|before)\\s+$");

    /** Finds the next match that is not the start of the trouble ("since I updated", "after we changed the URL"). */
    private static boolean findOutsideContext(Matcher matcher, String text) {
        while (matcher.find()) {
            if (!WHEN_IT_BEGAN.matcher(text.substring(Math.max(0, matcher.start() - 8), matcher.start())).find()) {
                return true;
            }
        }
        return false;
    }

    /** An error text the customer quotes, and where in the message it is (the lower-cased text has the same offsets). */
    private record Quote(String text, int start, int end) {

        static Quote of(Matcher matcher, int group) {
            return new Quote(matcher.group(group).strip(), matcher.start(group), matcher.end(group));
        }

        boolean overlaps(Matcher other) {
            return other.start() < end && start < other.end();
        }
    }

    /** The error text the customer quotes, if they quote one. */
    private static @Nullable Quote quotedFailure(String message, String text) {
        Matcher quoted = QUOTED.matcher(message);
        while (quoted.find()) {
            if (FAILURE.matcher(LexicalSignals.normalized(quoted.group(1))).find()) {
                return Quote.of(quoted, 1);
            }
        }
        Matcher name = ERROR_NAME.matcher(message);
        if (name.find()) {
            return Quote.of(name, 0);
        }
        Matcher pasted = PASTED.matcher(text);
        if (pasted.find()) {
            return Quote.of(pasted, 0);
        }
        Matcher says = SAYS.matcher(text);
        return says.find() ? Quote.of(says, 0) : null;
    }
}
