package dev.supportassistant.speech.audio;

import java.util.Optional;

/**
 * What a recording is, told from its first bytes: browsers label every recording {@code audio.wav}
 * (the original frontend does), whatever MediaRecorder produced.
 */
public enum AudioKind {
    /** RIFF/WAVE: real WAV files, PCM. */
    WAV("audio/wav", "wav"),
    /** Ogg with Opus: Firefox's MediaRecorder. */
    OGG("audio/ogg", "ogg"),
    /** WebM (Matroska) with Opus: Chrome's and Edge's MediaRecorder. */
    WEBM("audio/webm", "webm"),
    /** MP4 with AAC: Safari's MediaRecorder. */
    MP4("audio/mp4", "m4a");

    private final String mediaType;
    private final String extension;

    AudioKind(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The media type a speech-to-text vendor is told the recording has. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension a speech-to-text vendor infers the kind from. */
    public String extension() {
        return extension;
    }

    /** The kind the first bytes tell, empty when they tell none of the four. */
    public static Optional<AudioKind> of(byte[] bytes) {
        if (bytes.length >= 12 && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WAVE")) {
            return Optional.of(WAV);
        }
        if (bytes.length >= 4 && ascii(bytes, 0, "OggS")) {
            return Optional.of(OGG);
        }
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x1A && (bytes[1] & 0xFF) == 0x45 && (bytes[2] & 0xFF) == 0xDF
                && (bytes[3] & 0xFF) == 0xA3) {
            return Optional.of(WEBM);
        }
        if (bytes.length >= 12 && ascii(bytes, 4, "ftyp")) {
            return Optional.of(MP4);
        }
        return Optional.empty();
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
