package dev.supportassistant.screenshare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The start-up line says whether customers will be offered screen sharing, and what it needs when not. */
@ExtendWith(OutputCaptureExtension.class)
class ScreenShareReportTest {

    private static String reportWith(AgoraSettings settings, CapturedOutput output) {
        int before = output.getAll().length();
        ScreenShareSessions sessions = new ScreenShareSessions(new AgoraTokenService(settings, new SimpleMeterRegistry()),
                new ScreenShareSessionStore(null));
        sessions.reportAtStart();
        return output.getAll().substring(before).lines().filter(line -> line.contains("Screen sharing"))
                .findFirst().orElseThrow();
    }

    @Test
    void withoutAgoraTheLineSaysScreenSharingIsOffAndWhatItNeeds(CapturedOutput output) {
        assertThat(reportWith(new AgoraSettings("", "", 3600, ""), output)).endsWith("Screen sharing: off, "
                + "AGORA_APP_ID and AGORA_APP_CERTIFICATE are not set; customers are not offered it");
    }

    @Test
    void withAgoraTheLineSaysScreenSharingIsOn(CapturedOutput output) {
        assertThat(reportWith(new AgoraSettings(AgoraTokens.SAMPLE_APP_ID, AgoraTokens.SAMPLE_CERTIFICATE, 3600, ""),
                output)).endsWith("Screen sharing: on (Agora); confused customers are offered it");
    }
}
