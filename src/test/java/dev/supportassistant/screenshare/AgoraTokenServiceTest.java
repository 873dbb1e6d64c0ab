package dev.supportassistant.screenshare;

import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_APP_ID;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_CERTIFICATE;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_CHANNEL;
import static dev.supportassistant.screenshare.AgoraTokens.SAMPLE_UID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpStatus;

import io.agora.media.AccessToken2;
import io.agora.media.AccessToken2.PrivilegeRtc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class AgoraTokenServiceTest {

    private static final short JOIN = PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL.intValue;
    private static final short AUDIO = PrivilegeRtc.PRIVILEGE_PUBLISH_AUDIO_STREAM.intValue;
    private static final short VIDEO = PrivilegeRtc.PRIVILEGE_PUBLISH_VIDEO_STREAM.intValue;
    private static final short DATA = PrivilegeRtc.PRIVILEGE_PUBLISH_DATA_STREAM.intValue;

    private final AgoraTokenService tokens = service("");

    private static AgoraTokenService service(String channelPrefix) {
        return new AgoraTokenService(new AgoraSettings(SAMPLE_APP_ID, SAMPLE_CERTIFICATE, 3600, channelPrefix),
                new SimpleMeterRegistry());
    }

    private static TokenRequest request(String channel, Number uid, Number role) {
        return new TokenRequest(channel, decimal(uid), decimal(role), null, null, null);
    }

    private static BigDecimal decimal(Number number) {
        return number == null ? null : new BigDecimal(number.toString());
    }

    @Test
    void agorasSampleInputsGiveATokenTheLibraryVerifies() {
        TokenGrant grant = tokens.issue(request(SAMPLE_CHANNEL, SAMPLE_UID, 1));

        assertThat(grant.token()).startsWith("007");
        assertThat(AgoraTokens.signedWith(grant.token(), SAMPLE_CERTIFICATE)).isTrue();
        assertThat(AgoraTokens.signedWith(grant.token(), "0".repeat(32))).isFalse();
        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(parsed.appId).isEqualTo(SAMPLE_APP_ID);
        assertThat(AgoraTokens.rtc(parsed).getChannelName()).isEqualTo(SAMPLE_CHANNEL);
        assertThat(AgoraTokens.rtc(parsed).getUid()).isEqualTo("2882341273");
    }

    @Test
    void agorasLibraryReproducesAgorasPublishedTokenForTheSampleInputs() throws Exception {
        // Known answer from AgoraIO/Tools AccessToken2Test.build_ServiceRtc: guards the signer itself.
        AccessToken2 token = new AccessToken2(SAMPLE_APP_ID, SAMPLE_CERTIFICATE, 600);
        token.issueTs = 1111111;
        token.salt = 1;
        AccessToken2.ServiceRtc rtc = new AccessToken2.ServiceRtc(SAMPLE_CHANNEL, "2882341273");
        rtc.addPrivilegeRtc(PrivilegeRtc.PRIVILEGE_JOIN_CHANNEL, 600);
        token.addService(rtc);

        assertThat(token.build()).isEqualTo("007eJxTYBBbsMMnKq7p9Hf/HcIX5kce9b518kCiQgSr5Zrp4X1Tu6UUGCzNDZwdjU1TUs0Mkk1MzExMk5ISUy0SjQxNDcwMk4yN3b8IMEQwMTAwMoAwBIL4CgzmKeZGxmamqUmWFsYmFqbGluapxqnGaZYpJmYGSSkpiVwMRhYWRsYmhkbmxgDCaiTj");
    }

    @Test
    void publisherTokenGrantsJoinAndPublishingAudioVideoAndDataUntilItsExpiry() {
        TokenGrant grant = tokens.issue(new TokenRequest("support_session_123", decimal(42), decimal(1), null,
                decimal(900), null));

        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(parsed.appId).isEqualTo(SAMPLE_APP_ID);
        assertThat(parsed.expire).isEqualTo(900);
        assertThat(AgoraTokens.rtc(parsed).getChannelName()).isEqualTo("support_session_123");
        assertThat(AgoraTokens.rtc(parsed).getUid()).isEqualTo("42");
        assertThat(AgoraTokens.rtc(parsed).getPrivileges())
                .containsExactlyInAnyOrderEntriesOf(Map.of(JOIN, 900, AUDIO, 900, VIDEO, 900, DATA, 900));
        assertThat(grant.role()).isEqualTo(TokenRole.PUBLISHER);
        assertThat(grant.expiresIn()).isEqualTo(900);
        assertThat(grant.expiresAt()).isEqualTo(grant.issuedAt().plusSeconds(900));
        assertThat(parsed.issueTs).isCloseTo((int) grant.issuedAt().getEpochSecond(), within(1));
    }

    @Test
    void subscriberTokenGrantsOnlyJoiningTheChannel() {
        TokenGrant grant = tokens.issue(request("support_session_123", 7, 2));

        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(AgoraTokens.rtc(parsed).getPrivileges()).containsExactlyEntriesOf(Map.of(JOIN, 3600));
        assertThat(grant.role()).isEqualTo(TokenRole.SUBSCRIBER);
    }

    @Test
    void roleDefaultsToPublisherAndUidToTheWildcard() {
        TokenGrant grant = tokens.issue(request("support_session_123", null, null));

        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(AgoraTokens.rtc(parsed).getUid()).isEmpty();
        assertThat(AgoraTokens.rtc(parsed).getPrivileges()).containsKeys(JOIN, AUDIO, VIDEO, DATA);
        assertThat(grant.uid()).isZero();
        assertThat(grant.role()).isEqualTo(TokenRole.PUBLISHER);
    }

    @Test
    void largestUnsignedUidIsEncodedAsUnsigned() {
        TokenGrant grant = tokens.issue(request("c", 4294967295L, 1));

        assertThat(AgoraTokens.rtc(AgoraTokens.parse(grant.token())).getUid()).isEqualTo("4294967295");
        assertThat(grant.uid()).isEqualTo(4294967295L);
    }

    @Test
    void accountTokenIsBoundToTheAccount() {
        TokenGrant grant = tokens.issue(new TokenRequest("support_session_123", null, decimal(2), null, null,
                "customer@example.com"));

        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(AgoraTokens.rtc(parsed).getUid()).isEqualTo("customer@example.com");
        assertThat(AgoraTokens.rtc(parsed).getPrivileges()).containsOnlyKeys(JOIN);
        assertThat(grant.account()).isEqualTo("customer@example.com");
        assertThat(AgoraTokens.signedWith(grant.token(), SAMPLE_CERTIFICATE)).isTrue();
    }

    @Test
    void absoluteExpiryIsTheTokensAndThePrivilegesExpiry() {
        long expiresAt = Instant.now().getEpochSecond() + 1800;
        TokenGrant grant = tokens.issue(new TokenRequest("c", null, null, decimal(expiresAt), null, null));

        AccessToken2 parsed = AgoraTokens.parse(grant.token());
        assertThat(grant.expiresAt()).isEqualTo(Instant.ofEpochSecond(expiresAt));
        // Agora counts from the token's issue time, which the builder reads from the clock itself.
        assertThat((long) parsed.issueTs + parsed.expire).isCloseTo(expiresAt, within(1L));
        assertThat(AgoraTokens.rtc(parsed).getPrivileges().get(JOIN)).isEqualTo(parsed.expire);
    }

    @Test
    void zeroAbsoluteExpiryMeansTheDefaultLifetimeAsWithTheOldBackend() {
        TokenGrant grant = tokens.issue(new TokenRequest("c", null, null, decimal(0), null, null));

        assertThat(grant.expiresIn()).isEqualTo(3600);
        assertThat(AgoraTokens.parse(grant.token()).expire).isEqualTo(3600);
    }

    @Test
    void defaultLifetimeIsTheConfiguredTtl() {
        var shortLived = new AgoraTokenService(new AgoraSettings(SAMPLE_APP_ID, SAMPLE_CERTIFICATE, 120, ""),
                new SimpleMeterRegistry());

        assertThat(AgoraTokens.parse(shortLived.issue(request("c", 1, 1)).token()).expire).isEqualTo(120);
    }

    @Test
    void renewingWithTheSameChannelAndUidIssuesAFreshValidToken() {
        TokenGrant first = tokens.issue(request("support_session_123", 42, 1));
        TokenGrant renewed = tokens.issue(request("support_session_123", 42, 1));

        assertThat(renewed.token()).isNotEqualTo(first.token());
        assertThat(AgoraTokens.signedWith(renewed.token(), SAMPLE_CERTIFICATE)).isTrue();
        assertThat(AgoraTokens.rtc(AgoraTokens.parse(renewed.token())).getUid()).isEqualTo("42");
    }

    @Test
    void everyCharacterAgoraAllowsIsAcceptedInAChannelName() {
        String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,";
        assertThat(allowed).hasSize(89);

        for (int start = 0; start < allowed.length(); start += 60) {
            String channel = allowed.substring(start, Math.min(allowed.length(), start + 60));
            assertThat(AgoraTokens.rtc(AgoraTokens.parse(tokens.issue(request(channel, 1, 1)).token()))
                    .getChannelName()).isEqualTo(channel);
        }
    }

    @Test
    void channelNameOf63BytesIsAcceptedAnd64IsRejected() {
        assertThat(tokens.issue(request("a".repeat(63), 1, 1)).channelName()).hasSize(63);
        assertRejected(request("a".repeat(64), 1, 1), "channel_name", "64 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = { "with/slash", "quote\"d", "back\\slash", "star*", "apostrophe's", "tab\there",
            "caf\u00e9", "emoji\uD83D\uDE00", "new\nline", "`tick`", "under'score" })
    void channelNameOutsideAgorasCharacterSetIsRejected(String channel) {
        assertRejected(request(channel, 1, 1), "channel_name", "may contain only");
    }

    @Test
    void missingOrEmptyChannelNameIsRejected() {
        assertRejected(request(null, 1, 1), "channel_name", "required");
        assertRejected(request("", 1, 1), "channel_name", "required");
    }

    @ParameterizedTest
    @ValueSource(strings = { "-1", "4294967296", "1.5", "99999999999999999999" })
    void uidOutsideUnsigned32BitsIsRejected(String uid) {
        assertRejected(new TokenRequest("c", new BigDecimal(uid), null, null, null, null), "uid", "4294967295");
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "3", "-1", "1.5" })
    void roleOtherThanPublisherOrSubscriberIsRejected(String role) {
        assertRejected(new TokenRequest("c", null, new BigDecimal(role), null, null, null), "role", "1 (publisher)");
    }

    @Test
    void accountOver255BytesOrEmptyOrWithForbiddenCharactersIsRejected() {
        assertThat(tokens.issue(new TokenRequest("c", null, null, null, null, "a".repeat(255))).account()).hasSize(255);
        assertRejected(new TokenRequest("c", null, null, null, null, "a".repeat(256)), "account", "255 bytes");
        assertRejected(new TokenRequest("c", null, null, null, null, ""), "account", "empty");
        assertRejected(new TokenRequest("c", null, null, null, null, "a/b"), "account", "may contain only");
    }

    @Test
    void accountTogetherWithANonZeroUidIsRejected() {
        assertRejected(new TokenRequest("c", decimal(5), null, null, null, "someone"), "uid, account", "not both");
    }

    @Test
    void expiryInThePastOrNowIsRejected() {
        long now = Instant.now().getEpochSecond();
        assertRejected(new TokenRequest("c", null, null, decimal(now - 60), null, null), "privilege_expired_ts",
                "in the future");
        assertRejected(new TokenRequest("c", null, null, decimal(1_000_000_000L), null, null), "privilege_expired_ts",
                "in the future");
        assertRejected(new TokenRequest("c", null, null, decimal(-5), null, null), "privilege_expired_ts",
                "in the future");
    }

    @Test
    void expiryMoreThan24HoursAwayIsRejected() {
        long now = Instant.now().getEpochSecond();
        assertRejected(new TokenRequest("c", null, null, decimal(now + 86_400 + 60), null, null),
                "privilege_expired_ts", "24 hours");
        assertRejected(new TokenRequest("c", null, null, null, decimal(86_401), null), "expire_seconds", "86400");
        assertThat(tokens.issue(new TokenRequest("c", null, null, null, decimal(86_400), null)).expiresIn())
                .isEqualTo(86_400);
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "1.5" })
    void relativeExpiryThatIsNotAPositiveWholeNumberIsRejected(String seconds) {
        assertRejected(new TokenRequest("c", null, null, null, new BigDecimal(seconds), null), "expire_seconds",
                "whole number");
    }

    @Test
    void fractionalAbsoluteExpiryIsRejected() {
        long soon = Instant.now().getEpochSecond() + 600;
        assertRejected(new TokenRequest("c", null, null, new BigDecimal(soon + ".5"), null, null),
                "privilege_expired_ts", "whole number");
    }

    @Test
    void absoluteAndRelativeExpiryTogetherAreRejected() {
        long soon = Instant.now().getEpochSecond() + 600;
        assertRejected(new TokenRequest("c", null, null, decimal(soon), decimal(600), null),
                "privilege_expired_ts, expire_seconds",
                "not both");
    }

    @Test
    void channelOutsideTheConfiguredPrefixIsRejected() {
        AgoraTokenService restricted = service("acme_");

        assertThat(restricted.issue(request("acme_room", 1, 1)).channelName()).isEqualTo("acme_room");
        assertRejected(restricted, request("other_room", 1, 1), "channel_name", "AGORA_CHANNEL_PREFIX");
    }

    @Test
    void withoutAppIdOrCertificateTokensAreUnavailableNamingBothVariables() {
        for (AgoraSettings settings : new AgoraSettings[] { new AgoraSettings("", "", 3600, ""),
                new AgoraSettings(SAMPLE_APP_ID, "", 3600, ""), new AgoraSettings(null, SAMPLE_CERTIFICATE, 3600, "") }) {
            assertThatThrownBy(() -> new AgoraTokenService(settings, new SimpleMeterRegistry()).issue(request("c", 1, 1)))
                    .isInstanceOfSatisfying(ScreenShareNotConfiguredException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.getBody().getDetail()).contains("AGORA_APP_ID", "AGORA_APP_CERTIFICATE");
                    });
        }
    }

    @Test
    void settingsNeverPrintTheCertificate() {
        assertThat(new AgoraSettings(SAMPLE_APP_ID, SAMPLE_CERTIFICATE, 3600, "").toString())
                .doesNotContain(SAMPLE_CERTIFICATE).contains(SAMPLE_APP_ID);
    }

    private void assertRejected(TokenRequest request, String field, String rule) {
        assertRejected(tokens, request, field, rule);
    }

    private static void assertRejected(AgoraTokenService service, TokenRequest request, String field, String rule) {
        assertThatThrownBy(() -> service.issue(request))
                .isInstanceOfSatisfying(InvalidTokenRequestException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getDetail()).startsWith(field + ":").contains(rule);
                });
    }
}
