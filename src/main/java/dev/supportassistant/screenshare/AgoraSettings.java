package dev.supportassistant.screenshare;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Agora project credentials ({@code AGORA_APP_ID}, {@code AGORA_APP_CERTIFICATE}) and the default
 * token lifetime ({@code AGORA_TOKEN_TTL_SECONDS}, at most Agora's 24 hours).
 */
@Validated
@ConfigurationProperties("support.agora")
public record AgoraSettings(String appId, String appCertificate,
        @Min(60) @Max(86_400) int tokenTtlSeconds) {

    /** Whether tokens can be issued: both the app id and the certificate are set. */
    public boolean isConfigured() {
        return appId != null && !appId.isBlank() && appCertificate != null && !appCertificate.isBlank();
    }

    @Override
    public String toString() {
        return "AgoraSettings[appId=" + appId + ", appCertificate=" + (appCertificate == null ? null : "***")
                + ", tokenTtlSeconds=" + tokenTtlSeconds + "]";
    }
}
