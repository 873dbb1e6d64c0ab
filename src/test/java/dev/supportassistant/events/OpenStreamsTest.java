package dev.supportassistant.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The caps' arithmetic with caps small enough to fill by hand: 2 per conversation, 3 per client,
 * 6 in all of which customers may take 5 and the last is kept for staff. The narrowest cap is
 * named first. Over HTTP, with the tests' caps, in {@link EventStreamCapsTest}.
 */
class OpenStreamsTest {

    private final OpenStreams streams = new OpenStreams(new EventSettings(1, 1, 1, 6, 2, 3));

    private static EventSubscriber customer(String conversationId, String client) {
        return new EventSubscriber(new SseEmitter(), conversationId, event -> true, true, client, 0, 1, Runnable::run);
    }

    private static EventSubscriber staff(String client) {
        return new EventSubscriber(new SseEmitter(), null, event -> true, false, client, 0, 1, Runnable::run);
    }

    @Test
    void eachCapRefusesTheStreamBeyondItNamingItself() {
        streams.add(customer("a", "one"));
        streams.add(customer("a", "one"));
        assertThatThrownBy(() -> streams.add(customer("a", "two"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("EVENTS_MAX_STREAMS_PER_CONVERSATION");

        streams.add(customer("b", "two"));
        streams.add(customer("c", "two"));
        streams.add(customer("d", "two"));
        assertThatThrownBy(() -> streams.add(customer("e", "two"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("EVENTS_MAX_STREAMS_PER_CLIENT");

        // Five customers' streams are open: the sixth place is staff's.
        assertThatThrownBy(() -> streams.add(customer("e", "three"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("EVENTS_MAX_STREAMS").hasMessageContaining("for staff");
        streams.add(staff("desk"));
        assertThatThrownBy(() -> streams.add(staff("desk"))).isInstanceOf(TooManyStreamsException.class)
                .hasMessageContaining("the service has 6 event streams open (EVENTS_MAX_STREAMS)");
        assertThat(streams.size()).isEqualTo(6);
    }

    @Test
    void staffKeepATenthOfTheCapInAllAndAtLeastOnePlaceUnlessThereIsOnlyOne() {
        assertThat(OpenStreams.staffShare(1)).isZero();
        assertThat(OpenStreams.staffShare(2)).isEqualTo(1);
        assertThat(OpenStreams.staffShare(6)).isEqualTo(1);
        assertThat(OpenStreams.staffShare(40)).isEqualTo(4);
        assertThat(OpenStreams.staffShare(1000)).isEqualTo(100);
    }
}
