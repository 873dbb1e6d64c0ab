package dev.supportassistant.screenshare;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Agora's documented limits for RTC tokens, as stated in the Javadoc of {@code RtcTokenBuilder2}
 * (AgoraIO/Tools) and the RTC SDK reference. Checked here because Agora's builder checks none of
 * them: it signs whatever it is given, and the SDK then refuses to join with the token.
 */
final class AgoraRules {

    /**
     * The 89 characters Agora allows in a channel name (and a user account): a-z, A-Z, 0-9, space
     * and {@code ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,}.
     */
    static final String CHANNEL_CHARACTERS = "[a-zA-Z0-9 !#$%&()+\\-:;<=.>?@\\[\\]^_{}|~,]";

    /**
     * {@code RtcTokenBuilder2}: "The string length must be less than 64 bytes". Other Agora pages
     * say "within 64 bytes"; the stricter reading never issues a token the SDK would refuse.
     */
    static final int CHANNEL_NAME_MAX_BYTES = 63;

    /** {@code RtcTokenBuilder2}: "The user's account, max length is 255 Bytes." */
    static final int ACCOUNT_MAX_BYTES = 255;

    /** A uid is an unsigned 32-bit integer; 0 is the wildcard that admits any uid. */
    static final long UID_MAX = 4_294_967_295L;

    /** "Each privilege is valid for a maximum of 24 hours." */
    static final long MAX_LIFETIME_SECONDS = 86_400;

    static final String ALLOWED_CHARACTERS_TEXT = "letters a-z and A-Z, digits 0-9, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,";

    private static final Pattern ALLOWED = Pattern.compile(CHANNEL_CHARACTERS + "+");

    private AgoraRules() {
    }

    /** What is wrong with a channel name by Agora's rules, if anything. */
    static Optional<String> channelNameViolation(@Nullable String channelName) {
        if (channelName == null || channelName.isEmpty()) {
            return Optional.of("channel_name: is required and must not be empty");
        }
        int bytes = channelName.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > CHANNEL_NAME_MAX_BYTES) {
            return Optional.of("channel_name: must be less than 64 bytes (Agora's limit); it has " + bytes);
        }
        if (!ALLOWED.matcher(channelName).matches()) {
            return Optional.of("channel_name: may contain only " + ALLOWED_CHARACTERS_TEXT + " (Agora's character set)");
        }
        return Optional.empty();
    }

    /** What is wrong with a user account by Agora's rules, if anything. */
    static Optional<String> accountViolation(String account) {
        if (account.isEmpty()) {
            return Optional.of("account: must not be empty; leave it out to use uid instead");
        }
        int bytes = account.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > ACCOUNT_MAX_BYTES) {
            return Optional.of("account: must be at most 255 bytes (Agora's limit); it has " + bytes);
        }
        if (!ALLOWED.matcher(account).matches()) {
            return Optional.of("account: may contain only " + ALLOWED_CHARACTERS_TEXT + " (Agora's character set)");
        }
        return Optional.empty();
    }
}
