/**
 * Live updates of conversations: every stored message (heard as {@link dev.supportassistant.conversation.MessageStored},
 * in its transaction) and status change, stored in order and pushed as server-sent events to
 * subscribers on every instance (PostgreSQL LISTEN/NOTIFY, or in-process on the embedded database),
 * with heartbeats and resumption after the last event a client saw; and {@link dev.supportassistant.events.Broadcasts},
 * the same transport's notices to every instance that something they keep a copy of changed.
 */
@ApplicationModule(allowedDependencies = {"conversation"})
@NullMarked
package dev.supportassistant.events;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
