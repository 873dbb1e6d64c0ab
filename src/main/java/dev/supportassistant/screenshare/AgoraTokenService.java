package dev.supportassistant.screenshare;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.agora.media.AccessToken2;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.agora.media.RtcTokenBuilder2;

/**
 * Issues Agora RTC tokens (AccessToken2, "007...") through Agora's own {@link RtcTokenBuilder2}.
 * Every request is checked against Agora's documented rules first ({@link AgoraRules}), because the
 * builder signs anything: a token for a channel name the SDK rejects is useless to the customer.
 * Renewal needs nothing special: the same request again yields a fresh token. Every token issued
 * is counted ({@code support.agora.tokens.issued}, by role), whichever endpoint asked for it.
 */
@Service
class AgoraTokenService {

    private static final BigDecimal UID_MAX = BigDecimal.valueOf(AgoraRules.UID_MAX);

    private final AgoraSettings settings;
    private final RtcTokenBuilder2 builder = new RtcTokenBuilder2();
    private final MeterRegistry meters;

    AgoraTokenService(AgoraSettings settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
    }

    AgoraSettings settings() {
        return settings;
    }

    /**
     * A token for the generic endpoint: any valid channel (within {@code AGORA_CHANNEL_PREFIX}) but
     * a conversation's ({@link ConversationChannels}, 403), any uid or account. The request is
     * checked first, so a broken one is a 4xx even where Agora is not configured (503).
     */
    TokenGrant issue(TokenRequest request) {
        String channelName = request.channelName();
        AgoraRules.channelNameViolation(channelName).ifPresent(AgoraTokenService::reject);
        if (!channelName.startsWith(settings.channelPrefix())) {
            reject("channel_name: must start with '" + settings.channelPrefix()
                    + "' (this service issues tokens only for its own channels, AGORA_CHANNEL_PREFIX)");
        }
        if (ConversationChannels.isReserved(settings, channelName)) {
            throw new ReservedChannelException();
        }
        long uid = uid(request.uid());
        String account = request.account();
        if (account != null) {
            AgoraRules.accountViolation(account).ifPresent(AgoraTokenService::reject);
            if (uid != 0) {
                reject("uid, account: give either a numeric uid or a string account, not both");
            }
        }
        TokenRole role = role(request.role());
        long now = Instant.now().getEpochSecond();
        long expiresAt = expiresAt(request, now);
        requireConfigured();
        return build(channelName, uid, account, role, now, expiresAt);
    }

    /** A token for an explicit uid with the default lifetime; the caller guarantees a valid channel name. */
    TokenGrant issueForUid(String channelName, long uid, TokenRole role) {
        requireConfigured();
        AgoraRules.channelNameViolation(channelName).ifPresent(violation -> {
            throw new IllegalArgumentException(violation);
        });
        if (uid < 1 || uid > AgoraRules.UID_MAX) {
            throw new IllegalArgumentException("uid out of range: " + uid);
        }
        long now = Instant.now().getEpochSecond();
        return build(channelName, uid, null, role, now, now + settings.tokenTtlSeconds());
    }

    void requireConfigured() {
        if (!settings.isConfigured()) {
            throw new ScreenShareNotConfiguredException();
        }
    }

    private TokenGrant build(String channelName, long uid, @Nullable String account, TokenRole role, long now, long expiresAt) {
        // AccessToken2 counts both the token's and the privileges' expiry in seconds from issuing.
        int lifetime = Math.toIntExact(expiresAt - now);
        String token = account != null
                ? builder.buildTokenWithUserAccount(settings.appId(), settings.appCertificate(), channelName, account,
                        role.agoraRole(), lifetime, lifetime)
                : builder.buildTokenWithUid(settings.appId(), settings.appCertificate(), channelName, (int) uid,
                        role.agoraRole(), lifetime, lifetime);
        if (token == null || !token.startsWith(AccessToken2.getVersion())) {
            // The builder reports failures as an empty string; never hand that out as a token.
            throw new IllegalStateException("Agora's token builder produced no token");
        }
        Counter.builder("support.agora.tokens.issued")
                .description("Agora RTC tokens issued, by role")
                .tag("role", role.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters).increment();
        return new TokenGrant(token, channelName, uid, account, role, settings.appId(), Instant.ofEpochSecond(now),
                Instant.ofEpochSecond(expiresAt), lifetime);
    }

    private static long uid(@Nullable BigDecimal uid) {
        if (uid == null) {
            return 0;
        }
        if (!isWhole(uid) || uid.signum() < 0 || uid.compareTo(UID_MAX) > 0) {
            reject("uid: must be a whole number from 0 to 4294967295 (unsigned 32-bit; 0 admits any uid)");
        }
        return uid.longValueExact();
    }

    private static TokenRole role(@Nullable BigDecimal role) {
        if (role == null) {
            return TokenRole.PUBLISHER;
        }
        if (isWhole(role)) {
            for (TokenRole candidate : TokenRole.values()) {
                if (role.compareTo(BigDecimal.valueOf(candidate.code())) == 0) {
                    return candidate;
                }
            }
        }
        throw new InvalidTokenRequestException("role: must be 1 (publisher) or 2 (subscriber)");
    }

    private long expiresAt(TokenRequest request, long now) {
        BigDecimal absolute = request.privilegeExpiredTs();
        BigDecimal relative = request.expireSeconds();
        // 0 is how the old backend's clients (and Agora's older builders) said "no explicit expiry".
        boolean hasAbsolute = absolute != null && absolute.signum() != 0;
        if (hasAbsolute && relative != null) {
            reject("privilege_expired_ts, expire_seconds: give one of them, not both");
        }
        if (relative != null) {
            if (!isWhole(relative) || relative.signum() <= 0
                    || relative.compareTo(BigDecimal.valueOf(AgoraRules.MAX_LIFETIME_SECONDS)) > 0) {
                reject("expire_seconds: must be a whole number of seconds from 1 to 86400 (Agora's 24-hour limit)");
            }
            return now + relative.longValueExact();
        }
        if (hasAbsolute) {
            if (!isWhole(absolute)) {
                reject("privilege_expired_ts: must be a whole number of Unix seconds");
            }
            if (absolute.compareTo(BigDecimal.valueOf(now)) <= 0) {
                reject("privilege_expired_ts: must be in the future (absolute Unix time in seconds)");
            }
            if (absolute.compareTo(BigDecimal.valueOf(now + AgoraRules.MAX_LIFETIME_SECONDS)) > 0) {
                reject("privilege_expired_ts: must be at most 24 hours (86400 seconds) from now (Agora's limit)");
            }
            return absolute.longValueExact();
        }
        return now + settings.tokenTtlSeconds();
    }

    private static boolean isWhole(BigDecimal number) {
        return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
    }

    private static void reject(String detail) {
        throw new InvalidTokenRequestException(detail);
    }
}
