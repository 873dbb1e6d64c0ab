package dev.supportassistant.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Phone numbers, found by Google's libphonenumber in international form anywhere and in national
 * form for the region set by {@code PII_PHONE_REGION} (a number written with {@code +} and a
 * country code needs only a possible length). Its {@code STRICT_GROUPING} leniency takes
 * only numbers that are valid and grouped as that country groups them, which already leaves out
 * dates, times, prices, versions and {@code INV-2024-001234}. Ten digits that make a valid number
 * are still often an order or ticket number, so the words before a number decide the rest: a
 * number after "order", "ticket" or "invoice" is not taken, and an ungrouped run of digits is
 * taken only next to a word such as "call", "phone" or "number".
 */
final class PhoneNumbers implements Finder {

    /** Words after which a number is an identifier of something else, unless a phone word is nearer. */
    static final Set<String> NOT_A_PHONE = Set.of("order", "orders", "invoice", "inv", "ticket", "case", "tracking",
            "reference", "ref", "serial", "sn", "account", "acct", "transaction", "txn", "confirmation", "booking",
            "reservation", "id", "sku", "model", "part", "version", "build", "error", "code", "receipt", "claim",
            "policy", "member", "license", "licence", "key", "po", "shipment", "parcel", "package", "item",
            "product", "zip", "postcode", "imei", "iccid", "routing", "issue", "bug", "request", "req",
            "pin", "otp", "amount", "total", "balance", "card");
    /** Words that name a phone number. */
    static final Set<String> PHONE = Set.of("phone", "phones", "call", "called", "calling", "tel", "telephone",
            "mobile", "cell", "cellphone", "fax", "whatsapp", "sms", "text", "texted", "landline", "dial", "ring",
            "reach", "contact", "hotline", "helpline", "voicemail", "handy");
    /** Words that make an ungrouped run of digits a phone number when no word above is nearer. */
    static final Set<String> NUMBER = Set.of("number", "numbers", "no", "nr", "num");

    private static final int WINDOW = 6;
    private static final int FEWEST_DIGITS = 6;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String region;

    /** @param region where a number written in national form is taken to be (ISO 3166 code, e.g. US) */
    PhoneNumbers(String region) {
        this.region = region;
    }

    @Override
    public void find(String text, List<Detection> found) {
        if (digits(text) < FEWEST_DIGITS) {
            return;
        }
        List<Detection> phonesFound = new ArrayList<>();
        for (PhoneNumberMatch match : phones.findNumbers(text, region, Leniency.STRICT_GROUPING, text.length())) {
            if (isPhoneInContext(text, match)) {
                phonesFound.add(detection(match));
            }
        }
        if (text.indexOf('+') >= 0) {
            // Written with + and a country code, a number is meant as one even where the numbering
            // plan has no such range (the UK's +44 7700 900xxx, kept free for films and books).
            for (PhoneNumberMatch match : phones.findNumbers(text, region, Leniency.POSSIBLE, text.length())) {
                Detection possible = detection(match);
                if (match.rawString().startsWith("+") && phonesFound.stream().noneMatch(possible::overlaps)) {
                    phonesFound.add(possible);
                }
            }
        }
        found.addAll(phonesFound);
    }

    private Detection detection(PhoneNumberMatch match) {
        return new Detection(PersonalDataKind.PHONE, match.start(), match.end(),
                phones.format(match.number(), PhoneNumberFormat.E164));
    }

    private static boolean isPhoneInContext(String text, PhoneNumberMatch match) {
        String raw = match.rawString();
        if (raw.startsWith("+")) {
            return true;
        }
        if (precededByNumberSign(text, match.start())) {
            return false;
        }
        Cues cues = Cues.before(text, match.start(), WINDOW);
        if (cues.outweighs(NOT_A_PHONE, PHONE)) {
            return false;
        }
        boolean ungrouped = raw.chars().allMatch(Character::isDigit);
        return !ungrouped || cues.contains(PHONE) || cues.contains(NUMBER)
                || Cues.after(text, match.end(), 3).contains(PHONE);
    }

    /** "#4155552671": numbers after a number sign are orders and tickets. */
    private static boolean precededByNumberSign(String text, int start) {
        int i = start - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && text.charAt(i) == '#';
    }

    private static int digits(String text) {
        int count = 0;
        for (int i = 0; i < text.length() && count < FEWEST_DIGITS; i++) {
            if (Character.isDigit(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
