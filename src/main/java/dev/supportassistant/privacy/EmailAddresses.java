package dev.supportassistant.privacy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses as people write them: a local part, an {@code @} and a domain with a top-level
 * domain of letters ({@code siobhan.o'neil@example.ie} included). Each part is bounded as RFC 5321 bounds it (64 characters for the local part,
 * 63 per label), which also keeps the search linear on a long run of letters. Addresses are told
 * apart regardless of case.
 */
final class EmailAddresses implements Finder {

    private static final Pattern ADDRESS = Pattern.compile(
            "(?<![\\p{L}\\p{N}._%+'-])(?<![\\p{L}\\p{N}]')[A-Za-z0-9][A-Za-z0-9._%+'-]{0,63}"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.){1,10}[A-Za-z]{2,24}"
                    + "(?![\\p{L}\\p{N}_-]|\\.[\\p{L}\\p{N}])");

    @Override
    public void find(String text, List<Detection> found) {
        if (text.indexOf('@') < 0) {
            return;
        }
        Matcher address = ADDRESS.matcher(text);
        while (address.find()) {
            found.add(new Detection(PersonalDataKind.EMAIL, address.start(), address.end(),
                    address.group().toLowerCase(Locale.ROOT)));
        }
    }
}
