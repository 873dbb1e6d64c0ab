package dev.supportassistant.screenshare;

import io.agora.media.AccessToken2;

/** Reads tokens back with Agora's own parser, the way Agora's servers see them. */
final class AgoraTokens {

    /** Agora's published sample inputs (AgoraIO/Tools, RtcTokenBuilder2Test and AccessToken2Test). */
    static final String SAMPLE_APP_ID = "970CA35de60c44645bbae8a215061b33";
    static final String SAMPLE_CERTIFICATE = "5CFd2fd1755d40ecb72977518be15d3b";
    static final String SAMPLE_CHANNEL = "7d72365eb983485397e3e3f9d460bdda";
    static final long SAMPLE_UID = 2882341273L;

    private AgoraTokens() {
    }

    static AccessToken2 parse(String token) {
        AccessToken2 parsed = new AccessToken2();
        if (!parsed.parse(token)) {
            throw new AssertionError("Agora's parser rejects the token " + token);
        }
        return parsed;
    }

    static AccessToken2.ServiceRtc rtc(AccessToken2 token) {
        return (AccessToken2.ServiceRtc) token.services.get(AccessToken2.SERVICE_TYPE_RTC);
    }

    /**
     * Verifies a token's signature as Agora does: sign the parsed content again with the
     * certificate and compare. Only the holder of the certificate gets the same token back.
     */
    static boolean signedWith(String token, String certificate) {
        AccessToken2 parsed = parse(token);
        parsed.appCert = certificate;
        try {
            return token.equals(parsed.build());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
