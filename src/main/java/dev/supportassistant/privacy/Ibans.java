package dev.supportassistant.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.iban4j.CountryCode;
import org.iban4j.IbanUtil;

/**
 * IBANs, written together or in groups: a country code and two check digits, then as many letters
 * and digits as that country's IBANs have (spaces or dashes between groups are skipped), checked by iban4j
 * (the country's length and structure, and the mod-97 check digits). Reading exactly the country's
 * length lets a grouped IBAN end where it ends, before whatever word follows it.
 */
final class Ibans implements Finder {

    private static final Pattern START = Pattern.compile("(?<![\\p{L}\\p{N}_])([A-Za-z]{2})\\d{2}");

    @Override
    public void find(String text, List<Detection> found) {
        Matcher start = START.matcher(text);
        int from = 0;
        while (from < text.length() && start.find(from)) {
            from = start.end();
            CountryCode country = CountryCode.getByCode(start.group(1).toUpperCase(Locale.ROOT));
            if (country == null || !IbanUtil.isSupportedCountry(country)) {
                continue;
            }
            int length = IbanUtil.getIbanLength(country);
            StringBuilder iban = new StringBuilder(length).append(start.group().toUpperCase(Locale.ROOT));
            int i = start.end();
            while (iban.length() < length && i < text.length()) {
                char c = text.charAt(i);
                if (isAsciiLetterOrDigit(c)) {
                    iban.append(Character.toUpperCase(c));
                    i++;
                } else if ((c == ' ' || c == '-') && i + 1 < text.length() && isAsciiLetterOrDigit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            boolean endsThere = i == text.length() || !Character.isLetterOrDigit(text.charAt(i));
            if (iban.length() == length && endsThere && IbanUtil.isValid(iban.toString())) {
                found.add(new Detection(PersonalDataKind.IBAN, start.start(), i, iban.toString()));
                from = i;
            }
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
}
