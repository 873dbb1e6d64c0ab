package dev.supportassistant.speech.audio;

import java.io.ByteArrayOutputStream;

/**
 * An Ogg file's first logical stream, page by page, into Opus packets: what Firefox's
 * MediaRecorder writes. Packets are laced into 255-byte segments and may span pages.
 */
final class OggOpus {

    private OggOpus() {
    }

    static Pcm decode(byte[] bytes, long maxSamples) {
        int at = 0;
        long serial = -1;
        OpusStream stream = null;
        int packetIndex = 0;
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        while (at + 27 <= bytes.length) {
            if (bytes[at] != 'O' || bytes[at + 1] != 'g' || bytes[at + 2] != 'g' || bytes[at + 3] != 'S') {
                throw new UnreadableAudioException("the Ogg file is damaged");
            }
            long pageSerial = le32(bytes, at + 14);
            int segments = bytes[at + 26] & 0xFF;
            int data = at + 27 + segments;
            if (data > bytes.length) {
                throw new UnreadableAudioException("the Ogg file is cut short");
            }
            if (serial == -1) {
                serial = pageSerial;
            }
            for (int s = 0; s < segments; s++) {
                int size = bytes[at + 27 + s] & 0xFF;
                if (data + size > bytes.length) {
                    throw new UnreadableAudioException("the Ogg file is cut short");
                }
                if (pageSerial == serial) {
                    packet.write(bytes, data, size);
                    if (size < 255) {
                        byte[] complete = packet.toByteArray();
                        packet.reset();
                        if (packetIndex == 0) {
                            stream = new OpusStream(complete, maxSamples);
                        } else if (packetIndex > 1) {
                            stream.add(complete);
                        }
                        packetIndex++;
                    }
                }
                data += size;
            }
            if (stream != null && stream.tooLong()) {
                break;
            }
            at = data;
        }
        if (stream == null) {
            throw new UnreadableAudioException("the Ogg file holds no Opus stream");
        }
        return stream.pcm();
    }

    private static long le32(byte[] bytes, int at) {
        return (bytes[at] & 0xFFL) | (bytes[at + 1] & 0xFFL) << 8 | (bytes[at + 2] & 0xFFL) << 16
                | (bytes[at + 3] & 0xFFL) << 24;
    }
}
