package dev.supportassistant.screenshare;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An issued Agora RTC token and what it was issued for. Carries no secret but the token itself,
 * which belongs to its holder only: never store it or show it to anyone else.
 *
 * @param uid the numeric user id the token is bound to; 0 (the wildcard) when any uid may use it
 *     or when it is bound to {@code account} instead
 * @param account the string user account the token is bound to; absent for a numeric uid
 * @param appId the Agora App ID the client joins with (public, not a secret)
 * @param expiresIn seconds from {@code issuedAt} to {@code expiresAt}
 */
public record TokenGrant(String token, String channelName, long uid, @Nullable String account, TokenRole role, String appId,
        Instant issuedAt, Instant expiresAt, long expiresIn) {

    @Override
    public String toString() {
        // Tokens are credentials: keep them out of logs that print this record.
        return "TokenGrant[channelName=" + channelName + ", uid=" + uid + ", account=" + account + ", role=" + role
                + ", expiresAt=" + expiresAt + "]";
    }
}
