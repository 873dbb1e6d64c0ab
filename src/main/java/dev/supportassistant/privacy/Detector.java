package dev.supportassistant.privacy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every finder over a text and settles overlaps: of two findings that share characters, the
 * one of the kind declared first in {@link PersonalDataKind} is kept, and of the same kind the
 * longer one (an IPv6 address ending in an IPv4 address is one address). The result is in text
 * order and never overlaps, so that masking can replace the findings one after the other.
 */
final class Detector {

    private static final Comparator<Detection> PRECEDENCE = Comparator.comparing(Detection::kind)
            .thenComparingInt(detection -> detection.start() - detection.end())
            .thenComparingInt(Detection::start);

    private final List<Finder> finders;

    Detector(String phoneRegion) {
        this.finders = List.of(new Secrets(), new EmailAddresses(), new Ibans(), new CardNumbers(),
                new SocialSecurityNumbers(), new IpAddresses(), new PhoneNumbers(phoneRegion));
    }

    /** @return what the finders found, in text order, without overlaps */
    List<Detection> detect(String text) {
        List<Detection> found = new ArrayList<>();
        for (Finder finder : finders) {
            finder.find(text, found);
        }
        if (found.size() < 2) {
            return found;
        }
        found.sort(PRECEDENCE);
        // Kept findings never overlap, so the one starting last before a candidate's end is the only
        // one that can overlap it.
        TreeMap<Integer, Detection> kept = new TreeMap<>();
        for (Detection candidate : found) {
            Map.Entry<Integer, Detection> before = kept.lowerEntry(candidate.end());
            if (before == null || !before.getValue().overlaps(candidate)) {
                kept.put(candidate.start(), candidate);
            }
        }
        return new ArrayList<>(kept.values());
    }
}
