package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** At most MAX_CONCURRENT_CHATS chats are answered at once; the next is refused with 503 at once. */
class ChatAdmissionTest {

    @Test
    void beyondTheCapAChatIsRefusedUntilAPlaceIsGivenBack() {
        ChatAdmission admission = new ChatAdmission(2);
        ChatAdmission.Place first = admission.enter();
        admission.enter();

        assertThatThrownBy(admission::enter).isInstanceOfSatisfying(ChatRefusal.class, refusal -> {
            assertThat(refusal.getStatusCode().value()).isEqualTo(503);
            assertThat(refusal.getHeaders().getFirst("Retry-After")).isNotBlank();
            assertThat(refusal.getBody().getDetail()).contains("as many chats as it can");
        });

        first.close();
        assertThat(admission.enter()).isNotNull();
    }

    @Test
    void aPlaceIsGivenBackOnceHoweverOftenItIsClosed() {
        ChatAdmission admission = new ChatAdmission(1);
        ChatAdmission.Place place = admission.enter();

        place.close();
        place.close();

        assertThat(admission.free()).isEqualTo(1);
    }
}
