package dev.supportassistant.speech;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.supportassistant.platform.web.UploadRejectedException;
import dev.supportassistant.speech.audio.AudioKind;
import dev.supportassistant.speech.audio.Pcm;
import dev.supportassistant.speech.audio.RecordedAudio;
import dev.supportassistant.speech.audio.RecordingTooLongException;
import dev.supportassistant.speech.audio.UnreadableAudioException;
import dev.supportassistant.platform.web.RequestLimits;

/**
 * Transcribes the customer's recordings and speaks the assistant's replies, through the provider
 * {@code SPEECH_PROVIDER} names. Every recording is decoded first, whoever transcribes it, so bad
 * input gets the same clear 4xx everywhere and the offline engine can take over at once. A provider
 * that is not configured or fails is answered for by the offline engines, and the answer says so
 * ({@code fallback}, {@code error}) as chat replies do. Text to speak is a reply in Markdown: every
 * provider is given its words only ({@link SpeakableText}), at most {@code TTS_MAX_CHARS} of them.
 */
@Service
class SpeechService {

    private static final Logger log = LoggerFactory.getLogger(SpeechService.class);
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final SpeechSettings settings;
    private final RequestLimits limits;
    private final LocalSpeech local;
    private final SpeechProvider chosen;

    SpeechService(SpeechSettings settings, RequestLimits limits) {
        this.settings = settings;
        this.limits = limits;
        this.local = new LocalSpeech(settings);
        Duration timeout = Duration.ofSeconds(settings.timeoutSeconds());
        this.chosen = switch (settings.provider()) {
            case "openai" -> new OpenAiSpeech(settings.openai(), timeout);
            case "deepgram" -> new DeepgramSpeech(settings.deepgram(), timeout);
            default -> local;
        };
        chosen.missingConfiguration().ifPresent(missing -> log.warn(
                "SPEECH_PROVIDER={} is not configured ({}): the offline engines answer instead", chosen.name(), missing));
    }

    /** A transcription, as the original frontend reads it, with who made it. */
    record Transcript(boolean success, String transcript, String provider, boolean fallback, @Nullable String error) {
    }

    /**
     * Speech for an {@code <audio>} element, with who made it; {@code cut} when it ends before the
     * text does ({@code TTS_MAX_CHARS}, {@code TTS_MAX_SECONDS}).
     */
    record Spoken(SpeechProvider.SpokenText audio, String provider, boolean fallback, @Nullable String error,
            boolean cut) {
    }

    Transcript transcribe(byte @Nullable [] recording) {
        if (recording == null || recording.length == 0) {
            throw UploadRejectedException.empty("file: an audio recording is required");
        }
        AudioKind kind = AudioKind.of(recording).orElseThrow(() -> UploadRejectedException.unsupported(
                "file: not a recording this service reads (WebM or Ogg with Opus, MP4 with AAC, or WAV)"));
        Pcm speech;
        try {
            speech = RecordedAudio.decode(kind, recording, settings.maxSeconds());
        } catch (UnreadableAudioException unreadable) {
            throw UploadRejectedException.unreadable("file: " + unreadable.getMessage());
        } catch (RecordingTooLongException tooLong) {
            throw UploadRejectedException.tooLarge("file: the recording is longer than AUDIO_MAX_SECONDS ("
                    + settings.maxSeconds() + " s)");
        }
        Answer<String> answer = withFallback(provider -> provider.transcribe(recording, kind, speech));
        return new Transcript(true, answer.value(), answer.provider(), answer.fallback(), answer.error());
    }

    Spoken speak(@Nullable String text, @Nullable String voice) {
        if (text == null || text.isBlank()) {
            throw UploadRejectedException.empty("text: must not be blank");
        }
        if (limits.messageTooLong(text)) {
            throw UploadRejectedException.tooLarge("text: must be at most " + limits.maxMessageChars()
                    + " characters (MAX_MESSAGE_CHARS)");
        }
        String wanted = voice == null || voice.isBlank() ? null : voice.strip();
        if (wanted != null && !VOICE.matcher(wanted).matches()) {
            throw UploadRejectedException.unreadable("voice: letters, digits, '.', '_' and '-' only");
        }
        // The words, not the reply's Markdown marks; and no more of them than TTS_MAX_CHARS.
        String words = SpeakableText.of(text);
        if (words.isEmpty()) {
            throw UploadRejectedException.empty("text: has no words to speak, only Markdown marks");
        }
        String spoken = SpeakableText.cut(words, settings.ttsMaxChars());
        Answer<SpeechProvider.SpokenText> answer = withFallback(provider -> provider.speak(spoken, wanted));
        return new Spoken(answer.value(), answer.provider(), answer.fallback(), answer.error(),
                spoken.length() < words.length() || answer.value().cut());
    }

    private record Answer<T>(T value, String provider, boolean fallback, @Nullable String error) {
    }

    private <T> Answer<T> withFallback(Function<SpeechProvider, T> call) {
        if (chosen == local) {
            return new Answer<>(call.apply(local), local.name(), false, null);
        }
        Optional<String> missing = chosen.missingConfiguration();
        if (missing.isPresent()) {
            return new Answer<>(call.apply(local), local.name(), true, chosen.name() + ": " + missing.get());
        }
        try {
            return new Answer<>(call.apply(chosen), chosen.name(), false, null);
        } catch (RuntimeException failed) {
            String why = chosen.name() + ": " + SpeechFailure.summary(failed);
            log.warn("Speech provider failed, the offline engines answer instead: {}", why);
            return new Answer<>(call.apply(local), local.name(), true, why);
        }
    }

    /** Loads the offline engines in the background once the service is up (unless {@code PRELOAD_OFFLINE_ENGINES=false}). */
    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        if (settings.preload()) {
            Thread loader = new Thread(() -> {
                try {
                    local.warmUp();
                } catch (RuntimeException failed) {
                    log.warn("Could not load the speech engines in the background: {}", failed.toString());
                }
            }, "speech-preload");
            loader.setDaemon(true);
            loader.setPriority(Thread.MIN_PRIORITY);
            loader.start();
        }
    }
}
