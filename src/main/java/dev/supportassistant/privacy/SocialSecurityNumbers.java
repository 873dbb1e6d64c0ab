package dev.supportassistant.privacy;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * US social security numbers. Written as 123-45-6789 they are taken unless an identifier's word
 * (order, ticket) is nearer; with spaces or undivided, nine digits are too often something else,
 * so they are taken only after "SSN" or "social security". Numbers the SSA never issues (area 000,
 * 666 or 900 and above, group 00, serial 0000) are not taken.
 */
final class SocialSecurityNumbers implements Finder {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\p{L}\\p{N}_]|-\\d)");
    static final Set<String> SSN = Set.of("ssn", "ss", "social", "security", "ssns", "tin", "taxpayer", "itin");

    @Override
    public void find(String text, List<Detection> found) {
        Matcher candidate = CANDIDATE.matcher(text);
        while (candidate.find()) {
            int area = Integer.parseInt(candidate.group(1));
            int group = Integer.parseInt(candidate.group(3));
            int serial = Integer.parseInt(candidate.group(4));
            if (area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0) {
                continue;
            }
            Cues cues = Cues.before(text, candidate.start(), 5);
            boolean taken = candidate.group(2).equals("-")
                    ? !cues.outweighs(PhoneNumbers.NOT_A_PHONE, SSN)
                    : cues.contains(SSN);
            if (taken) {
                found.add(new Detection(PersonalDataKind.SSN, candidate.start(), candidate.end(),
                        candidate.group(1) + candidate.group(3) + candidate.group(4)));
            }
        }
    }
}
