package dev.supportassistant.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * IPv4 and IPv6 addresses, validated (four numbers up to 255 without leading zeros; eight groups of
 * up to four hex digits, or fewer with one {@code ::}, optionally ending in an IPv4 address).
 * Four-part versions and section numbers look exactly like IPv4 addresses, so an address right
 * after a word such as "version", "build", "update" or "step" is not taken unless a network word ("IP", "server") is nearer,
 * nor is one ending in {@code .0} without a network word, a port or a prefix length. IPv6
 * addresses are told apart in their full form, so {@code 2001:db8::1} and {@code 2001:0db8:0:0::1}
 * are one address.
 */
final class IpAddresses implements Finder {

    private static final Pattern V4 = Pattern.compile(
            "(?<![\\p{L}\\p{N}_.-])(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?![\\p{L}\\p{N}_-]|\\.\\d)");
    /** A run of hex digits, colons and dots; possessive, so that a long run costs one pass. */
    private static final Pattern V6 = Pattern.compile("(?<![\\p{L}\\p{N}_:.])[0-9A-Fa-f:.]++(?![\\p{L}\\p{N}_])");
    private static final int LONGEST_V6 = 45;

    static final Set<String> VERSION = Set.of("version", "versions", "ver", "v", "build", "release", "firmware",
            "driver", "patch", "update", "updated", "upgrade", "upgraded", "edition", "ios", "android", "windows",
            "macos", "chrome", "firefox", "app", "sdk", "plugin", "library", "kernel", "bios", "revision", "rev",
            "step", "section", "chapter", "paragraph", "figure", "table", "appendix", "clause", "rule");
    static final Set<String> NETWORK = Set.of("ip", "ips", "ipv4", "ipv6", "address", "addresses", "addr", "server",
            "host", "hostname", "gateway", "dns", "router", "subnet", "proxy", "vpn", "ping", "connect",
            "connecting", "connected", "from", "lan", "wan", "wifi", "network", "nameserver", "endpoint", "whitelist",
            "allowlist", "blocked", "firewall", "static", "dhcp");

    @Override
    public void find(String text, List<Detection> found) {
        if (text.indexOf('.') >= 0) {
            findV4(text, found);
        }
        if (text.indexOf(':') >= 0) {
            findV6(text, found);
        }
    }

    private static void findV4(String text, List<Detection> found) {
        Matcher address = V4.matcher(text);
        while (address.find()) {
            boolean valid = true;
            for (int part = 1; part <= 4 && valid; part++) {
                String number = address.group(part);
                valid = Integer.parseInt(number) <= 255 && (number.length() == 1 || number.charAt(0) != '0');
            }
            if (valid && isAddressInContext(text, address.start(), address.end(), address.group(4))) {
                found.add(new Detection(PersonalDataKind.IP, address.start(), address.end(), address.group()));
            }
        }
    }

    private static boolean isAddressInContext(String text, int start, int end, String last) {
        Cues cues = Cues.before(text, start, 4);
        if (cues.outweighs(VERSION, NETWORK)) {
            return false;
        }
        boolean portOrPrefix = end + 1 < text.length() && (text.charAt(end) == ':' || text.charAt(end) == '/')
                && Character.isDigit(text.charAt(end + 1));
        return !last.equals("0") || portOrPrefix || cues.contains(NETWORK);
    }

    private static void findV6(String text, List<Detection> found) {
        Matcher candidate = V6.matcher(text);
        while (candidate.find()) {
            int end = candidate.end();
            while (end > candidate.start() && text.charAt(end - 1) == '.') {
                end--; // the end of a sentence
            }
            if (end - candidate.start() > LONGEST_V6 || colons(text, candidate.start(), end) < 2) {
                continue;
            }
            String raw = text.substring(candidate.start(), end);
            String full = fullForm(raw);
            if (full != null) {
                found.add(new Detection(PersonalDataKind.IP, candidate.start(), end, full));
            }
        }
    }

    private static int colons(String text, int start, int end) {
        int count = 0;
        for (int i = start; i < end; i++) {
            if (text.charAt(i) == ':') {
                count++;
            }
        }
        return count;
    }

    /**
     * The eight groups of an IPv6 address in hex without leading zeros, or null when the text is
     * not one (a time such as 10:30:45, a MAC address, C++'s {@code ::}).
     */
    static @Nullable String fullForm(String raw) {
        String text = raw.toLowerCase(Locale.ROOT);
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = 0;
        if (text.startsWith("::")) {
            gap = 0;
            i = 2;
        } else if (text.startsWith(":")) {
            return null;
        }
        while (i < text.length()) {
            int dot = text.indexOf('.', i);
            int colon = text.indexOf(':', i);
            if (dot >= 0 && (colon < 0 || dot < colon)) {
                int[] v4 = v4(text.substring(i));
                if (v4 == null || count > 6) {
                    return null;
                }
                groups[count++] = v4[0] << 8 | v4[1];
                groups[count++] = v4[2] << 8 | v4[3];
                i = text.length();
                break;
            }
            int endOfGroup = colon < 0 ? text.length() : colon;
            int length = endOfGroup - i;
            if (length < 1 || length > 4 || count == 8) {
                return null;
            }
            groups[count++] = Integer.parseInt(text, i, endOfGroup, 16);
            i = endOfGroup;
            if (i < text.length()) {
                if (text.startsWith("::", i)) {
                    if (gap >= 0) {
                        return null;
                    }
                    gap = count;
                    i += 2;
                } else {
                    i++;
                    if (i == text.length()) {
                        return null;
                    }
                }
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        if (gap >= 0 && count == 0) {
            return null;
        }
        int[] full = new int[8];
        int tail = gap < 0 ? 0 : count - gap;
        System.arraycopy(groups, 0, full, 0, count - tail);
        System.arraycopy(groups, count - tail, full, 8 - tail, tail);
        StringBuilder form = new StringBuilder(39);
        for (int group = 0; group < 8; group++) {
            form.append(group == 0 ? "" : ":").append(Integer.toHexString(full[group]));
        }
        return form.toString();
    }

    private static int @Nullable [] v4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int[] numbers = new int[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            numbers[i] = Integer.parseInt(parts[i]);
            if (numbers[i] > 255) {
                return null;
            }
        }
        return numbers;
    }
}
