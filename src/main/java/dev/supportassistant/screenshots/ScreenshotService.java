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
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;

import dev.supportassistant.conversation.Conversation;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;
import dev.supportassistant.conversation.TurnContext;
import dev.supportassistant.platform.web.UploadRejectedException;
import dev.supportassistant.platform.security.Caller;
import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.screenshots.guidance.ScreenFingerprint;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A shared screenshot, start to end: check what the bytes are (not what the file is called) and
 * how large the image says it is before decoding it, read its text, store it under a name nobody
 * can guess, and record it in the conversation it was shared in. A capture nearly identical to the
 * conversation's previous one ({@link ScreenFingerprint}, before any OCR) is stored with that one's
 * reading, without OCR, a note or a look for errors: the frontend sends one every few seconds. A new
 * one is read, and looked at for new error messages ({@link ScreenWatch}, {@code SCREEN_WATCH}), unless a
 * person of the support side holds the conversation.
 * Serves it back only to whoever may see that conversation, and to staff.
 */
@Service
class ScreenshotService {

    private static final Logger log = LoggerFactory.getLogger(ScreenshotService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The handoff status of a conversation a person holds. */
    private static final String WITH_PERSON = "with_human";

    private final ScreenshotStore store;
    private final Conversations conversations;
    private final ScreenshotSettings settings;
    private final TextRecognizer recognizer;
    private final ScreenWatch watch;
    private final Counter read;
    private final Counter unchanged;
    private final Clock clock;
    private final PersonalDataOnScreen personalDataOnScreen;
    private final PersonalData personalData;

    ScreenshotService(ScreenshotStore store, Conversations conversations, ScreenshotSettings settings,
            ScreenWatch watch, MeterRegistry meters, PersonalDataOnScreen personalDataOnScreen,
            PersonalData personalData) {
        this.personalDataOnScreen = personalDataOnScreen;
        this.personalData = personalData;
        this.store = store;
        this.conversations = conversations;
        this.settings = settings;
        this.recognizer = new TextRecognizer(settings.ocrThreads(), Duration.ofSeconds(settings.engineWaitSeconds()));
        this.watch = watch;
        this.read = captures("read", meters);
        this.unchanged = captures("unchanged", meters);
        this.clock = Clock.systemUTC();
    }

    /**
     * What the upload answers: the original backend's fields, and the conversation it was recorded in.
     *
     * @param unchanged true when the capture is nearly identical to the conversation's previous one:
     *     stored, not read again ({@code ocr_text} is the previous one's), and nothing to answer
     */
    record Shared(boolean success, String url, @Nullable String ocrText, @Nullable String conversationId, int width,
            int height, boolean unchanged) {
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
        // Sampled to at most 640 pixels on the long side while decoding: cheap, and no OCR engine needed.
        Optional<ScreenFingerprint> fingerprint = ScreenFingerprint.of(bytes);
        Optional<ScreenshotStore.Latest> previous = conversation
                .flatMap(c -> store.latestIn(c.id(), oldestKept()))
                .filter(latest -> fingerprint.isPresent() && latest.fingerprint() != null && latest.screen() != null
                        && ScreenFingerprint.decoded(latest.fingerprint())
                                .map(known -> known.nearlyIdentical(fingerprint.get())).orElse(false));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String name = newName();
        String url = url(name, header.format().mediaType);
        String ownerId = conversation.map(Conversation::ownerId).orElse(caller.userId());
        String conversationKey = conversation.map(Conversation::id).orElse(null);
        if (previous.isPresent()) {
            // The same screen as a moment ago: kept (it is the latest now), read as the previous one was.
            ScreenshotStore.Latest same = previous.get();
            // Its own copy for AI providers, from the previous reading's boxes (the screen is the same).
            store.save(new ScreenshotStore.Screenshot(name, conversationKey, ownerId, header.format().mediaType,
                    header.width(), header.height(), bytes, same.ocrText(), now, fingerprint.get().encoded(),
                    same.screen(), personalDataOnScreen.masked(bytes, same.screen()), true));
            unchanged.increment();
            expire();
            return new Shared(true, url, same.ocrText(), conversationKey, header.width(), header.height(), true);
        }
        // Decoded inside the OCR engine's pool: at most OCR_THREADS images are in memory at once.
        TextRecognizer.Reading image = recognizer.read(bytes);
        read.increment();
        String text = image.text();
        // The copy for AI providers is made now, while the words' boxes are at hand, whatever PII_MASKING
        // says: turning masking on later then covers screenshots already shared.
        byte[] masked = personalDataOnScreen.masked(bytes, image.screen());
        String kept = text.isEmpty() ? null : personalData.forStorage(text);
        store.save(new ScreenshotStore.Screenshot(name, conversationKey, ownerId, header.format().mediaType,
                image.width(), image.height(), bytes, kept, now,
                fingerprint.map(ScreenFingerprint::encoded).orElse(null), image.screen(), masked, true));
        conversation.ifPresent(c -> conversations.recordScreenshot(c.id(), new MessageMetadata.Screenshot(url,
                kept, image.width(), image.height())));
        if (settings.watch() && conversationKey != null && !withPerson(conversationKey, caller)) {
            watchFor(conversationKey, name, url, image.screen());
        }
        expire();
        return new Shared(true, url, text.isEmpty() ? null : text, conversationKey, image.width(), image.height(),
                false);
    }

    /** {@code support.screenshots.captures}: how many were read by OCR, and how many skipped it as nearly identical. */
    private static Counter captures(String ocr, MeterRegistry meters) {
        return Counter.builder("support.screenshots.captures").tag("ocr", ocr)
                .description("Screenshots shared, by whether OCR read them or they were nearly identical to the "
                        + "conversation's previous one (unchanged: no OCR)")
                .register(meters);
    }

    /** Screen watching's look at a new capture; the upload has succeeded whatever it finds. */
    private void watchFor(String conversationId, String name, String url, ScreenText screen) {
        try {
            watch.look(conversationId, name, url, screen);
        } catch (DataAccessException failed) {
            // The capture is stored; the next one that shows the error is looked at again.
            log.warn("Could not look for new errors on a shared screenshot: {}", failed.getClass().getSimpleName());
        }
    }

    /** Whether a person of the support side holds the conversation: then they speak for it, not the assistant. */
    private boolean withPerson(String conversationId, Caller caller) {
        return conversations.forTurn(conversationId, caller).map(TurnContext::handoff)
                .map(handoff -> WITH_PERSON.equals(handoff.status())).orElse(false);
    }

    private void expire() {
        int expired = store.deleteOlderThan(oldestKept());
        if (expired > 0) {
            log.info("Deleted {} screenshots older than SCREENSHOT_RETENTION_DAYS ({})", expired, settings.retentionDays());
        }
    }

    /** Where a screenshot of this name and type is fetched. */
    static String url(String name, String mediaType) {
        return "/uploads/" + name + (ImageHeader.Format.JPEG.mediaType.equals(mediaType) ? ".jpg" : ".png");
    }

    /** Whether a screenshot taken then is recent enough for replies to point at it ({@code SCREEN_GUIDANCE_MINUTES}). */
    boolean recentForGuidance(Instant takenAt) {
        return !takenAt.isBefore(clock.instant().minus(Duration.ofMinutes(settings.guidanceMinutes())));
    }

    /** Runs drawing on a screenshot where OCR runs: at most {@code OCR_THREADS} screenshots decoded at once. */
    <R> R bounded(java.util.function.Supplier<R> work) {
        return recognizer.bounded(work);
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
