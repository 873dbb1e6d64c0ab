package dev.supportassistant.speech.audio;

/** A recording, whatever its kind, as 16 kHz mono speech for the recognizer. */
public final class RecordedAudio {

    private RecordedAudio() {
    }

    /**
     * @throws UnreadableAudioException when it cannot be decoded
     * @throws RecordingTooLongException when it lasts more than {@code maxSeconds}
     */
    public static Pcm decode(AudioKind kind, byte[] bytes, int maxSeconds) {
        long maxSamples = (long) maxSeconds * Pcm.RATE;
        return switch (kind) {
            case WAV -> WavFile.decode(bytes, maxSamples);
            case OGG -> OggOpus.decode(bytes, maxSamples);
            case WEBM -> WebmOpus.decode(bytes, maxSamples);
            case MP4 -> Mp4Aac.decode(bytes, maxSamples);
        };
    }
}
