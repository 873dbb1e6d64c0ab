package dev.supportassistant.screenshots;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.platform.web.UploadRejectedException;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.privacy.PersonalData;

/**
 * A shared screenshot, start to end: check what the bytes are (not what the file is called) and
 * how large the image says it is before decoding it, read its text, store it under a name nobody
 * can guess, and record it in the conversation it was shared in. Serves it back only to whoever
 * may see that conversation, and to staff.
 */
@Service
class ScreenshotService {

    private static final Logger log = LoggerFactory.getLogger(ScreenshotService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ScreenshotStore store;
    private final Conversations conversations;
    private final ScreenshotSettings settings;
    private final TextRecognizer recognizer;
    private final Clock clock;
    private final PersonalDataOnScreen personalDataOnScreen;
    private final PersonalData personalData;

    ScreenshotService(ScreenshotStore store, Conversations conversations, ScreenshotSettings settings,
            PersonalDataOnScreen personalDataOnScreen, PersonalData personalData) {
        this.personalDataOnScreen = personalDataOnScreen;
        this.personalData = personalData;
        this.store = store;
        this.conversations = conversations;
        this.settings = settings;
        this.recognizer = new TextRecognizer(settings.ocrThreads(), Duration.ofSeconds(settings.engineWaitSeconds()));
        this.clock = Clock.systemUTC();
    }

    /** What the upload answers: the original backend's fields, and the conversation it was recorded in. */
    record Shared(boolean success, String url, @Nullable String ocrText, @Nullable String conversationId, int width,
            int height) {
    }

    Shared share(byte @Nullable [] bytes, @Nullable String conversationId, Caller caller) {
        if (bytes == null || bytes.length == 0) {
            throw UploadRejectedException.empty("file: a PNG or JPEG screenshot is required");
        }
        ImageHeader header = ImageHeader.of(bytes).orElseThrow(() -> UploadRejectedException.unsupported(
                "file: not a PNG or JPEG image"));
        if (header.pixels() > settings.maxPixels()) {
            throw UploadRejectedException.tooLarge("file: the image is " + header.width() + " x " + header.height()
                    + " pixels, more than SCREENSHOT_MAX_PIXELS (" + settings.maxPixels() + ")");
        }
        if (header.decodedBytes() > settings.maxDecodedBytes()) {
            throw UploadRejectedException.tooLarge("file: the image would take " + header.decodedBytes()
                    + " bytes to decode (" + header.bitsPerPixel() + " bits a pixel), more than "
                    + settings.maxDecodedBytes() + " (SCREENSHOT_MAX_PIXELS at 4 bytes a pixel)");
        }
        Optional<Conversation> conversation = Optional.ofNullable(conversationId).filter(id -> !id.isBlank())
                .map(id -> conversations.visible(id.strip(), caller)
                        .orElseThrow(() -> new ScreenshotNotFoundException("Conversation")));
        // Decoded inside the OCR engine's pool: at most OCR_THREADS images are in memory at once.
        TextRecognizer.Reading image = recognizer.read(bytes);
        String text = image.text();

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String name = newName();
        String url = "/uploads/" + name + (header.format() == ImageHeader.Format.PNG ? ".png" : ".jpg");
        String ownerId = conversation.map(Conversation::ownerId).orElse(caller.userId());
        // The copy for AI providers is made now, while the words' boxes are at hand, whatever PII_MASKING
        // says: turning masking on later then covers screenshots already shared.
        byte[] masked = personalDataOnScreen.masked(bytes, image.screen());
        String kept = text.isEmpty() ? null : personalData.forStorage(text);
        store.save(new ScreenshotStore.Screenshot(name, conversation.map(Conversation::id).orElse(null), ownerId,
                header.format().mediaType, image.width(), image.height(), bytes, kept, now, masked, true));
        conversation.ifPresent(c -> conversations.recordScreenshot(c.id(), new MessageMetadata.Screenshot(url,
                kept, image.width(), image.height())));
        int expired = store.deleteOlderThan(oldestKept());
        if (expired > 0) {
            log.info("Deleted {} screenshots older than SCREENSHOT_RETENTION_DAYS ({})", expired, settings.retentionDays());
        }
        return new Shared(true, url, text.isEmpty() ? null : text, conversation.map(Conversation::id).orElse(null),
                image.width(), image.height());
    }

    /** The stored image under {@code /uploads/<file>}, if it exists, has not expired and the caller may see it. */
    ScreenshotStore.Screenshot served(String file, Caller caller) {
        int dot = file.lastIndexOf('.');
        String name = dot < 0 ? file : file.substring(0, dot);
        return store.find(name, oldestKept())
                .filter(screenshot -> caller.staff() || caller.mayAccess(screenshot.ownerId()))
                .orElseThrow(() -> new ScreenshotNotFoundException("Screenshot"));
    }

    /** Loads the OCR engine in the background once the service is up (unless {@code PRELOAD_OFFLINE_ENGINES=false}). */
    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        if (settings.preload()) {
            Thread loader = new Thread(() -> {
                try {
                    recognizer.warmUp();
                } catch (RuntimeException failed) {
                    log.warn("Could not load the OCR engine in the background: {}", failed.toString());
                }
            }, "ocr-preload");
            loader.setDaemon(true);
            loader.setPriority(Thread.MIN_PRIORITY);
            loader.start();
        }
    }

    Instant oldestKept() {
        return clock.instant().minus(Duration.ofDays(settings.retentionDays()));
    }

    private static String newName() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
