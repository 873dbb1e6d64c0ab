package dev.supportassistant.screenshare;

import com.fasterxml.jackson.annotation.JsonValue;

import io.agora.media.RtcTokenBuilder2;

/** What a token lets its holder do in a channel; numbered as in the wire contract and Agora's API. */
public enum TokenRole {

    /** Joins and publishes audio, video and data streams: the customer sharing a screen. */
    PUBLISHER(1, RtcTokenBuilder2.Role.ROLE_PUBLISHER),

    /**
     * Joins only: the support agent watching. Agora enforces the difference only when co-host
     * authentication is enabled for the project; otherwise a subscriber may publish too.
     */
    SUBSCRIBER(2, RtcTokenBuilder2.Role.ROLE_SUBSCRIBER);

    private final int code;
    private final RtcTokenBuilder2.Role agoraRole;

    TokenRole(int code, RtcTokenBuilder2.Role agoraRole) {
        this.code = code;
        this.agoraRole = agoraRole;
    }

    @JsonValue
    public int code() {
        return code;
    }

    RtcTokenBuilder2.Role agoraRole() {
        return agoraRole;
    }
}
