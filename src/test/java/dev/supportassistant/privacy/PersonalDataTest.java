package dev.supportassistant.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The finders' rules one by one, beside the corpus ({@link PersonalDataCorpusTest}): what makes a
 * run of digits a card, an IBAN end where it ends, a number a phone number or not, an IPv6 address
 * one address, and a long paste cost one pass.
 */
class PersonalDataTest {

    private final PersonalData personalData = new PersonalData(new PrivacySettings(true, false, "US"));

    @Test
    void aCardNumberNeedsTheLuhnCheckANetworksRangeAndACardsGroups() {
        assertThat(found("card 4111 1111 1111 1111")).containsExactly("CARD 4111 1111 1111 1111");
        assertThat(found("card 4111 1111 1111 1112")).isEmpty(); // Luhn
        assertThat(found("shipment 1234 5678 9012 3452")).isEmpty(); // passes Luhn, no network starts with 1
        assertThat(found("order 411-1111111-111111")).isEmpty(); // grouped as an order number
        assertThat(found("USPS 4111 1111 1111 1111 1111 11")).isEmpty(); // 22 digits: no card in it
        assertThat(found("amex 3782-822463-10005.")).containsExactly("CARD 3782-822463-10005");
        // As OCR reads a card on a screenshot, every other gap lost.
        assertThat(found("Card number 41111111 11111111")).containsExactly("CARD 41111111 11111111");
        assertThat(found("card 4111 11111 1111 111")).isEmpty(); // fives and threes: not a card's groups
    }

    @Test
    void anIbanEndsAfterItsCountrysLengthAndNeedsItsCheckDigits() {
        assertThat(found("to DE89 3704 0044 0532 0130 001 please")).isEmpty(); // one character too many
        assertThat(found("to DE89 3704 0044 0532 0130 00 please")).containsExactly("IBAN DE89 3704 0044 0532 0130 00");
        assertThat(found("to DE88 3704 0044 0532 0130 00 please")).isEmpty(); // check digits
        assertThat(found("code XY12 3456 7890")).isEmpty(); // no such country
    }

    @Test
    void aNumberIsAPhoneNumberByItsGroupsAndTheWordsBeforeIt() {
        assertThat(found("call me on 415 555 2671")).containsExactly("PHONE 415 555 2671");
        assertThat(found("order 415 555 2671 is late")).isEmpty();
        assertThat(found("my account phone is (415) 555-2671")).containsExactly("PHONE (415) 555-2671");
        assertThat(found("order number 4155552671")).isEmpty();
        assertThat(found("my number is 4155552671")).containsExactly("PHONE 4155552671");
        assertThat(found("4155552671")).isEmpty(); // ten digits and no word: an identifier as often as not
        assertThat(found("ticket #415 555 2671")).isEmpty();
        assertThat(found("ticket +44 20 7946 0958")).containsExactly("PHONE +44 20 7946 0958"); // + says it
        assertThat(found("invoice INV-2024-001234 of 2024-01-15 at 10:30, $1,234.56")).isEmpty();
    }

    @Test
    void theRegionSettingDecidesWhereNationalNumbersBelong() {
        PersonalData british = new PersonalData(new PrivacySettings(true, false, "gb"));

        assertThat(british.find("call 020 7946 0958")).extracting(PersonalDataMatch::kind).containsExactly(PersonalDataKind.PHONE);
        assertThat(personalData.find("call 020 7946 0958")).isEmpty();
    }

    @Test
    void anAddressIsNotAVersionOrASectionNumber() {
        assertThat(found("server 10.2.3.4 refuses")).containsExactly("IP 10.2.3.4");
        assertThat(found("version 10.2.3.4 crashes")).isEmpty();
        assertThat(found("see step 1.2.3.4")).isEmpty();
        assertThat(found("after the update the server 10.2.3.4 refuses")).containsExactly("IP 10.2.3.4");
        assertThat(found("1.2.3.256 and 01.2.3.4")).isEmpty();
        assertThat(found("at 10:30:45, MAC 00:1A:2B:3C:4D:5E, std::vector and a::b::c")).isEmpty();
        assertThat(IpAddresses.fullForm("2001:0DB8:0:0::1")).isEqualTo(IpAddresses.fullForm("2001:db8::1"))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(IpAddresses.fullForm("::ffff:192.0.2.128")).isEqualTo("0:0:0:0:0:ffff:c000:280");
    }

    @Test
    void aSecretIsTheValueAfterItsLabelNotWhatIsSaidAboutIt() {
        assertThat(found("my password is hunter2.")).containsExactly("SECRET hunter2");
        assertThat(found("my password is wrong")).isEmpty();
        assertThat(found("my password is not working")).isEmpty();
        assertThat(found("the token is expired")).isEmpty();
        assertThat(found("Password: \"two words\"")).containsExactly("SECRET two words");
        assertThat(found("PIN 1234, passcode: 9999")).containsExactly("SECRET 1234", "SECRET 9999");
        assertThat(found("key sk-ant-api03-Xy7Kp2Lm9Nq3Rs6Tv8Wx0Yz1Ab5CdEf and AKIAIOSFODNN7EXAMPLE"))
                .containsExactly("SECRET sk-ant-api03-Xy7Kp2Lm9Nq3Rs6Tv8Wx0Yz1Ab5CdEf", "SECRET AKIAIOSFODNN7EXAMPLE");
    }

    @Test
    void whereFindingsOverlapTheEarlierKindWins() {
        assertThat(found("password: jane@example.com")).containsExactly("SECRET jane@example.com");
        assertThat(found("4155552671@txt.example.com")).containsExactly("EMAIL 4155552671@txt.example.com");
    }

    /** Inputs that would take a backtracking pattern quadratic time or worse: each is one pass here. */
    @Test
    void aLongPasteIsReadInOnePass() {
        String letters = "a".repeat(50_000);

        assertThat(personalData.find(letters + "@" + letters)).isEmpty();
        assertThat(personalData.find("ab:".repeat(20_000) + "g")).isEmpty();
        assertThat(personalData.find("x@".repeat(20_000))).isEmpty();
        assertThat(personalData.find("password ".repeat(5_000))).isEmpty();
        assertThat(personalData.find("1".repeat(20_000))).isEmpty();
        assertThat(personalData.find("1.2.".repeat(2_000))).isEmpty();
    }

    /** Many findings in one text: overlaps settled and values read without a pass over the text each. */
    @Test
    void aTextWithManyFindingsIsReadInOnePass() {
        assertThat(personalData.find("a@b.co, 10.0.0.5 ".repeat(2_000))).hasSize(4_000);
        assertThat(personalData.find("password: (hunter2 ".repeat(2_000))).hasSize(2_000)
                .allMatch(match -> match.kind() == PersonalDataKind.SECRET);
    }

    private List<String> found(String text) {
        return personalData.find(text).stream()
                .map(match -> match.kind() + " " + text.substring(match.start(), match.end()))
                .toList();
    }
}
