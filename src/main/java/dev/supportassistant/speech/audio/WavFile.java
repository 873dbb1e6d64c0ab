package dev.supportassistant.speech.audio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** A WAV file (PCM of 8 to 32 bits, any rate, mono or stereo), through the JDK's own reader. */
final class WavFile {

    private WavFile() {
    }

    static Pcm decode(byte[] bytes, long maxSamples) {
        try (AudioInputStream wav = AudioSystem.getAudioInputStream(new ByteArrayInputStream(bytes))) {
            AudioFormat source = wav.getFormat();
            int channels = source.getChannels();
            if (channels < 1 || channels > 8) {
                throw new UnreadableAudioException("the WAV file has " + channels + " channels");
            }
            float rate = source.getSampleRate();
            if (rate < 8000 || rate > 192_000) {
                throw new UnreadableAudioException("the WAV file's sample rate is not one of speech");
            }
            if (wav.getFrameLength() > 0 && wav.getFrameLength() * Pcm.RATE / rate > maxSamples) {
                throw new RecordingTooLongException();
            }
            AudioFormat pcm16 = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate, 16, channels, channels * 2, rate,
                    false);
            try (AudioInputStream converted = AudioSystem.getAudioInputStream(pcm16, wav)) {
                byte[] raw = converted.readNBytes((int) Math.min(Integer.MAX_VALUE - 8,
                        (maxSamples + 1) * (long) rate / Pcm.RATE * channels * 2 + 2));
                short[] interleaved = new short[raw.length / 2];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(interleaved);
                short[] mono = Pcm.resampled(Pcm.mono(interleaved, interleaved.length, channels), (int) rate);
                if (mono.length > maxSamples) {
                    throw new RecordingTooLongException();
                }
                return new Pcm(mono);
            }
        } catch (UnsupportedAudioFileException | IOException | IllegalArgumentException unreadable) {
            throw new UnreadableAudioException("the WAV file cannot be read (PCM WAV only)");
        }
    }
}
