package dev.supportassistant.events;

/**
 * A short notice every instance's listeners hear (as an application event) once the transaction
 * that sent it ({@link Broadcasts#send}) has committed: that something they keep a copy of changed,
 * such as the active provider.
 *
 * @param topic what changed, or {@link #EVERYTHING}
 */
public record Broadcast(String topic) {

    /**
     * Anything may have changed: heard after this instance (re)connected to the other instances'
     * notices, as broadcasts sent meanwhile were lost.
     */
    public static final String EVERYTHING = "*";

    /** Whether it concerns what {@code topic} names. */
    public boolean concerns(String topic) {
        return this.topic.equals(topic) || EVERYTHING.equals(this.topic);
    }
}
