package dev.supportassistant.chat;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Caps the chats this instance answers at once ({@code MAX_CONCURRENT_CHATS}), streamed ones
 * included for as long as they stream. Each holds a provider call, memory and a connection; per-
 * client rate limits do not bound them when many clients come at once. Beyond the cap a chat is
 * refused at once with 503 rather than queued, so a flood cannot pile up work. (While the service
 * is overloaded, chats are refused before they get here: {@link OverloadFilter}.)
 */
@Component
class ChatAdmission {

    /** A place taken; give it back by closing it, once. */
    interface Place extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore places;

    @Autowired
    ChatAdmission(ChatLimits limits) {
        this(limits.maxConcurrentChats());
    }

    ChatAdmission(int places) {
        this.places = new Semaphore(places);
    }

    /** @throws ChatRefusal 503 when every place is taken */
    Place enter() {
        if (!places.tryAcquire()) {
            throw ChatRefusal.tooManyChats();
        }
        AtomicBoolean left = new AtomicBoolean();
        return () -> {
            if (left.compareAndSet(false, true)) {
                places.release();
            }
        };
    }

    int free() {
        return places.availablePermits();
    }
}
