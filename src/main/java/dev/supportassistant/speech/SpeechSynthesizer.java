package dev.supportassistant.speech;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.jspecify.annotations.Nullable;

import com.sun.speech.freetts.FreeTTSSpeakable;
import com.sun.speech.freetts.FreeTTSSpeakableImpl;
import com.sun.speech.freetts.Voice;
import com.sun.speech.freetts.audio.AudioPlayer;
import com.sun.speech.freetts.en.us.cmu_us_kal.KevinVoiceDirectory;

import dev.supportassistant.platform.engines.EnginePool;

/**
 * Text to speech with FreeTTS, offline and pure Java: its 16 kHz "kevin16" voice, inside its jar,
 * written as a WAV file. A voice speaks one text at a time, so each request borrows one of at most
 * {@code SPEECH_THREADS}. One pool serves the JVM (see {@link SpeechRecognizer}).
 *
 * <p>The audio is bounded as it is made: the text is spoken a piece at a time (sentences, at most
 * {@link SpeakableText#PIECE_CHARS} characters), and once {@code TTS_MAX_SECONDS} of audio are
 * recorded the rest is not spoken. Text is cheap to send and speech is not: 4,000 digits would
 * otherwise be a quarter of an hour of audio, 28 MB.
 */
final class SpeechSynthesizer {

    static final String VOICE = "kevin16";
    private static @Nullable EnginePool<Voice> shared;

    private final EnginePool<Voice> voices;

    SpeechSynthesizer(int threads, Duration wait) {
        this.voices = pool(threads, wait);
    }

    private static synchronized EnginePool<Voice> pool(int threads, Duration wait) {
        if (shared == null) {
            shared = new EnginePool<>("speech synthesizer", threads, wait, SpeechSynthesizer::voice);
        }
        return shared;
    }

    private static Voice voice() {
        for (Voice voice : new KevinVoiceDirectory().getVoices()) {
            if (VOICE.equals(voice.getName())) {
                voice.allocate();
                return voice;
            }
        }
        throw new IllegalStateException("FreeTTS has no " + VOICE + " voice");
    }

    void warmUp() {
        voices.warmUp();
    }

    /** A WAV file, and whether it stopped at the longest allowed before the text's end. */
    record Speech(byte[] wav, boolean cut) {
    }

    /** The text, spoken, as a WAV file of at most {@code maxSeconds}. */
    Speech wav(String text, int maxSeconds) {
        return voices.use(voice -> {
            Recording recording = new Recording(maxSeconds);
            voice.setAudioPlayer(recording);
            try {
                for (String piece : SpeakableText.pieces(text)) {
                    FreeTTSSpeakableImpl speakable = new FreeTTSSpeakableImpl(piece);
                    recording.speaking(speakable);
                    voice.speak(speakable);
                    if (recording.full()) {
                        break;
                    }
                }
            } finally {
                voice.setAudioPlayer(null);
            }
            return new Speech(recording.wav(), recording.full());
        });
    }

    /**
     * Keeps what the voice says instead of playing it, up to {@code maxSeconds}; past that it drops
     * the audio and cancels the piece being spoken, which stops the voice at the next utterance.
     * (Refusing a write instead would make FreeTTS print a stack trace.)
     */
    private static final class Recording implements AudioPlayer {

        private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
        private final int maxSeconds;
        private AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        private @Nullable FreeTTSSpeakable speaking;
        private boolean full;

        Recording(int maxSeconds) {
            this.maxSeconds = maxSeconds;
        }

        void speaking(FreeTTSSpeakable speakable) {
            this.speaking = speakable;
        }

        boolean full() {
            return full;
        }

        byte[] wav() {
            byte[] pcm = audio.toByteArray();
            ByteArrayOutputStream wav = new ByteArrayOutputStream(pcm.length + 64);
            try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format,
                    pcm.length / format.getFrameSize())) {
                AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav);
            } catch (IOException impossible) {
                throw new UncheckedIOException(impossible);
            }
            return wav.toByteArray();
        }

        @Override
        public void setAudioFormat(AudioFormat format) {
            this.format = format;
        }

        @Override
        public AudioFormat getAudioFormat() {
            return format;
        }

        @Override
        public boolean write(byte[] bytes) {
            return write(bytes, 0, bytes.length);
        }

        @Override
        public boolean write(byte[] bytes, int offset, int length) {
            long room = (long) maxSeconds * (long) format.getFrameRate() * format.getFrameSize() - audio.size();
            int kept = (int) Math.min(length, Math.max(0, room - room % format.getFrameSize()));
            audio.write(bytes, offset, kept);
            if (kept < length && !full) {
                full = true;
                if (speaking != null) {
                    speaking.cancelled();
                }
            }
            return true;
        }

        @Override
        public void begin(int size) {
        }

        @Override
        public boolean end() {
            return true;
        }

        @Override
        public boolean drain() {
            return true;
        }

        @Override
        public void pause() {
        }

        @Override
        public void resume() {
        }

        @Override
        public void reset() {
        }

        @Override
        public void cancel() {
        }

        @Override
        public void close() {
        }

        @Override
        public float getVolume() {
            return 1;
        }

        @Override
        public void setVolume(float volume) {
        }

        @Override
        public long getTime() {
            return 0;
        }

        @Override
        public void resetTime() {
        }

        @Override
        public void startFirstSampleTimer() {
        }

        @Override
        public void showMetrics() {
        }
    }
}
