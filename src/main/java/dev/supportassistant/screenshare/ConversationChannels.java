package dev.supportassistant.screenshare;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The names of conversations' screen-sharing channels, a namespace of their own: the base prefix
 * ({@code AGORA_CHANNEL_PREFIX}, else {@value #DEFAULT_BASE}), then {@value #MARK} and 26 random
 * characters. Random, not derived from the conversation id: a channel name seen in a history or an
 * Agora console reveals nothing about the conversation, whose id is the credential of an anonymous
 * one. Tokens for this namespace come only from a conversation's own screen-share call and from the
 * support desk; the generic token endpoint refuses it, together with the names of earlier versions
 * ({@code <base><conversation id>}). The original frontend's own channels ({@code support_session_…})
 * are outside it.
 */
final class ConversationChannels {

    /** The base when {@code AGORA_CHANNEL_PREFIX} is not set. */
    static final String DEFAULT_BASE = "support_";
    /** After the base: what marks a conversation's channel. */
    static final String MARK = "conv_";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    /** 26 characters of 32: 130 bits, more than a UUID's 122. */
    private static final int RANDOM_CHARACTERS = 26;
    private static final Pattern LEGACY_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private ConversationChannels() {
    }

    static String base(AgoraSettings settings) {
        return settings.channelPrefix().isEmpty() ? DEFAULT_BASE : settings.channelPrefix();
    }

    /** A new channel name, at most 27 + 5 + 26 = 58 bytes: within Agora's 64. */
    static String newName(AgoraSettings settings, SecureRandom random) {
        StringBuilder name = new StringBuilder(base(settings)).append(MARK);
        for (int i = 0; i < RANDOM_CHARACTERS; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    /** Whether the name is in the conversations' namespace, now or as earlier versions named them. */
    static boolean isReserved(AgoraSettings settings, String channelName) {
        String base = base(settings);
        if (!channelName.startsWith(base)) {
            return false;
        }
        String rest = channelName.substring(base.length());
        return rest.startsWith(MARK) || LEGACY_ID.matcher(rest.toLowerCase(Locale.ROOT)).matches();
    }
}
