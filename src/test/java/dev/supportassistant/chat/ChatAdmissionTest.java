package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** At most MAX_CONCURRENT_CHATS chats are answered at once; the next is refused with 503 at once. */
class ChatAdmissionTest {

    @Test
    void beyondTheCapAChatIsRefusedUntilAPlaceIsGivenBack() {
        ChatAdmission admission = new ChatAdmission(2, new OverloadDetector(Duration.ofSeconds(1), System::nanoTime));
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
    void whileTurnsQueueForTheServicesOwnWorkEveryChatIsRefusedAtOnce() {
        AtomicLong now = new AtomicLong();
        Duration target = Duration.ofSeconds(1);
        OverloadDetector overload = new OverloadDetector(target, now::get);
        ChatAdmission admission = new ChatAdmission(10, overload);
        // Turns started every 10 ms, each ready after the target: a queue that does not drain.
        java.util.Deque<OverloadDetector.Turn> queue = new java.util.ArrayDeque<>();
        for (long t = 0; t <= target.plus(OverloadDetector.INTERVAL).toMillis(); t += 10) {
            queue.add(overload.started());
            if (t >= target.toMillis()) {
                queue.poll().ready();
            }
            now.addAndGet(Duration.ofMillis(10).toNanos());
        }

        assertThatThrownBy(admission::enter).isInstanceOfSatisfying(ChatRefusal.class, refusal -> {
            assertThat(refusal.getStatusCode().value()).isEqualTo(503);
            assertThat(refusal.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(refusal.getBody().getDetail()).contains("more messages than it can answer promptly");
        });
        assertThat(admission.free()).as("a refused chat takes no place").isEqualTo(10);
    }

    @Test
    void aPlaceIsGivenBackOnceHoweverOftenItIsClosed() {
        ChatAdmission admission = new ChatAdmission(1, new OverloadDetector(Duration.ofSeconds(1), System::nanoTime));
        ChatAdmission.Place place = admission.enter();

        place.close();
        place.close();

        assertThat(admission.free()).isEqualTo(1);
    }
}
