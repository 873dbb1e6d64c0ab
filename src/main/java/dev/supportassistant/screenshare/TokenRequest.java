package dev.supportassistant.screenshare;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/agora/token}. Numbers arrive as {@link BigDecimal} so that a
 * fraction or an out-of-range value is reported by {@link AgoraTokenService} with the rule it
 * breaks, instead of being rounded or overflowing on the way in.
 *
 * @param uid unsigned 32-bit user id; absent or 0: any uid (Agora assigns one when joining)
 * @param role 1 publisher (default), 2 subscriber
 * @param privilegeExpiredTs absolute expiry in Unix seconds, as the old backend took it; 0 or
 *     absent: the default lifetime
 * @param expireSeconds relative expiry, in seconds from now; an alternative to {@code privilegeExpiredTs}
 * @param account a string user account, Agora's alternative to a numeric uid
 */
record TokenRequest(@Nullable String channelName, @Nullable BigDecimal uid, @Nullable BigDecimal role,
        @Nullable BigDecimal privilegeExpiredTs, @Nullable BigDecimal expireSeconds, @Nullable String account) {
}
