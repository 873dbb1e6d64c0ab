package dev.supportassistant.privacy;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Payment card numbers: 13 to 19 digits, written together or in the groups cards print (4-4-4-4,
 * Amex's 4-6-5) with spaces or dashes, that pass the Luhn check and begin as a card network's
 * numbers do. The network ranges and the groups matter as much as the check digit: one in ten
 * random numbers passes Luhn, and order, tracking and invoice numbers of that length (Amazon's
 * {@code 112-1234567-1234567}) are common in support chats.
 */
final class CardNumbers implements Finder {

    /** A run of digits with single spaces or dashes between them, not part of a longer run. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?<!\\d[ -])\\d(?:[ -]?\\d){12,18}(?![\\p{L}\\p{N}_])(?![ -]\\d)");

    @Override
    public void find(String text, List<Detection> found) {
        Matcher candidate = CANDIDATE.matcher(text);
        while (candidate.find()) {
            String raw = candidate.group();
            String digits = raw.replaceAll("[ -]", "");
            if (isGroupedLikeACard(raw) && isOfANetwork(digits) && passesLuhn(digits)) {
                found.add(new Detection(PersonalDataKind.CARD, candidate.start(), candidate.end(), digits));
            }
        }
    }

    /**
     * Written together, in fours (the last group shorter for 13 or 19 digits; fours may run together
     * in pairs, as OCR reads them), or Amex's 4-6-5.
     */
    static boolean isGroupedLikeACard(String raw) {
        String[] groups = raw.split("[ -]");
        if (groups.length == 1) {
            return true;
        }
        if (groups.length == 3 && groups[0].length() == 4 && groups[1].length() == 6
                && (groups[2].length() == 5 || groups[2].length() == 4)) {
            return true;
        }
        // Fours, or fours run together in pairs: OCR of a screenshot often loses every other gap
        // ("4111 1111 1111 1111" read as "41111111 11111111").
        int fours = 0;
        for (int i = 0; i < groups.length - 1; i++) {
            if (groups[i].length() != 4 && groups[i].length() != 8) {
                return false;
            }
            fours += groups[i].length() / 4;
        }
        String last = groups[groups.length - 1];
        return !last.isEmpty() && (last.length() <= 4 || last.length() == 8) && fours + (last.length() + 3) / 4 >= 4;
    }

    /** The issuer ranges and lengths of the networks customers pay with (ISO/IEC 7812 prefixes). */
    static boolean isOfANetwork(String digits) {
        int length = digits.length();
        int two = Integer.parseInt(digits.substring(0, 2));
        int three = Integer.parseInt(digits.substring(0, 3));
        int four = Integer.parseInt(digits.substring(0, 4));
        return switch (digits.charAt(0)) {
            case '4' -> length == 13 || length == 16 || length == 19; // Visa
            case '5' -> (two >= 51 && two <= 55 && length == 16) // Mastercard
                    || ((two == 50 || (two >= 56 && two <= 58)) && length >= 13); // Maestro
            case '2' -> (four >= 2221 && four <= 2720 && length == 16) // Mastercard
                    || (four >= 2200 && four <= 2204 && length >= 16); // Mir
            case '3' -> ((two == 34 || two == 37) && length == 15) // American Express
                    || (four >= 3528 && four <= 3589 && length >= 16) // JCB
                    || (((three >= 300 && three <= 305) || two == 36 || two == 38 || two == 39) && length >= 14); // Diners
            case '6' -> ((four == 6011 || (three >= 644 && three <= 649) || two == 65) && length >= 16) // Discover
                    || (two == 62 && length >= 16) // UnionPay
                    || ((two == 63 || two == 67) && length >= 13); // Maestro
            default -> false;
        };
    }

    static boolean passesLuhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int digit = digits.charAt(i) - '0';
            if (doubled) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
