package dev.supportassistant.screenshare;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Agora project credentials and token policy.
 *
 * @param appId {@code AGORA_APP_ID}: the project's App ID, 32 hexadecimal characters, or empty
 * @param appCertificate {@code AGORA_APP_CERTIFICATE}: the project's primary certificate, 32
 *     hexadecimal characters, or empty. A secret: never shown in a response, log line or error.
 * @param tokenTtlSeconds {@code AGORA_TOKEN_TTL_SECONDS}: the lifetime of a token when the request
 *     names none, at most Agora's 24 hours
 * @param channelPrefix {@code AGORA_CHANNEL_PREFIX}: when set, the generic token endpoint issues
 *     tokens only for channels starting with it, and conversation channels are named with it
 *     ({@link ConversationChannels}). At most 27 bytes, as when conversation channels held the
 *     conversation id (36), so that every name stays under Agora's 64 bytes.
 */
@Validated
@ConfigurationProperties("support.agora")
public record AgoraSettings(
        // Agora's builder silently returns an empty token for anything else; fail at start-up instead.
        @Pattern(regexp = "|\\p{XDigit}{32}", message = "32 hexadecimal characters, or nothing") String appId,
        @Pattern(regexp = "|\\p{XDigit}{32}", message = "32 hexadecimal characters, or nothing") String appCertificate,
        @Min(60) @Max(86_400) int tokenTtlSeconds,
        @Size(max = 27) @Pattern(regexp = AgoraRules.CHANNEL_CHARACTERS + "*",
                message = "only letters, digits, space and !#$%&()+-:;<=.>?@[]^_{}|~,") String channelPrefix) {

    public AgoraSettings {
        appId = appId == null ? "" : appId.strip();
        appCertificate = appCertificate == null ? "" : appCertificate.strip();
        channelPrefix = channelPrefix == null ? "" : channelPrefix;
    }

    /** Whether tokens can be issued: both the app id and the certificate are set. */
    public boolean isConfigured() {
        return !appId.isEmpty() && !appCertificate.isEmpty();
    }

    @Override
    public String toString() {
        return "AgoraSettings[appId=" + appId + ", appCertificate=" + (appCertificate.isEmpty() ? "" : "***")
                + ", tokenTtlSeconds=" + tokenTtlSeconds + ", channelPrefix=" + channelPrefix + "]";
    }
}
