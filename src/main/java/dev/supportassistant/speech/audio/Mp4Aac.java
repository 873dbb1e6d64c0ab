package dev.supportassistant.speech.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.jcodec.codecs.aac.AACUtils;
import org.jcodec.common.DemuxerTrack;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.Packet;
import org.jcodec.containers.mp4.demuxer.AbstractMP4DemuxerTrack;
import org.jcodec.containers.mp4.demuxer.MP4Demuxer;

import net.sourceforge.jaad.aac.Decoder;
import net.sourceforge.jaad.aac.SampleBuffer;

/**
 * An MP4's AAC track, decoded: what Safari's MediaRecorder writes. JCodec finds the decoder
 * configuration and the frames ({@link Mp4Fragments} those of a fragmented file); the AAC decoder
 * it carries (JAAD) decodes them.
 */
final class Mp4Aac {

    private Mp4Aac() {
    }

    static Pcm decode(byte[] bytes, long maxSamples) {
        try (MP4Demuxer demuxer = MP4Demuxer.createMP4Demuxer(
                ByteBufferSeekableByteChannel.readFromByteBuffer(ByteBuffer.wrap(bytes)))) {
            List<DemuxerTrack> tracks = demuxer.getAudioTracks();
            if (tracks.isEmpty()) {
                throw new UnreadableAudioException("the MP4 file has no audio track");
            }
            AbstractMP4DemuxerTrack track = (AbstractMP4DemuxerTrack) tracks.get(0);
            ByteBuffer config = AACUtils.getCodecPrivate(track.getSampleEntries()[0]);
            if (config == null) {
                throw new UnreadableAudioException("the MP4 audio is not AAC");
            }
            Decoder decoder = new Decoder(toArray(config));
            SampleBuffer buffer = new SampleBuffer();
            buffer.setBigEndian(false);
            short[] decoded = new short[0];
            int length = 0;
            int rate = 0;
            List<byte[]> frames = new java.util.ArrayList<>();
            Packet packet;
            while ((packet = track.nextFrame()) != null) {
                frames.add(withoutAdts(toArray(packet.getData())));
            }
            if (frames.isEmpty()) {
                // A fragmented MP4 (what MediaRecorder writes as it records): the frames are in movie fragments.
                frames = Mp4Fragments.frames(bytes);
            }
            for (byte[] frame : frames) {
                decoder.decodeFrame(frame, buffer);
                rate = buffer.getSampleRate();
                short[] mono = Pcm.mono(samples(buffer.getData()), buffer.getData().length / 2, buffer.getChannels());
                if (length + mono.length > decoded.length) {
                    decoded = Arrays.copyOf(decoded, Math.max(decoded.length * 2, length + mono.length + rate));
                }
                System.arraycopy(mono, 0, decoded, length, mono.length);
                length += mono.length;
                if ((long) length * Pcm.RATE / rate > maxSamples) {
                    throw new RecordingTooLongException();
                }
            }
            return new Pcm(Pcm.resampled(Arrays.copyOf(decoded, length), rate == 0 ? Pcm.RATE : rate));
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof UnreadableAudioException || broken instanceof RecordingTooLongException) {
                throw (RuntimeException) broken;
            }
            throw new UnreadableAudioException("the MP4 audio cannot be decoded");
        }
    }

    /** JCodec puts an ADTS header before each frame; the decoder, set up from the MP4's configuration, takes raw frames. */
    private static byte[] withoutAdts(byte[] frame) {
        if (frame.length > 9 && (frame[0] & 0xFF) == 0xFF && (frame[1] & 0xF0) == 0xF0) {
            int header = (frame[1] & 1) == 1 ? 7 : 9;
            return Arrays.copyOfRange(frame, header, frame.length);
        }
        return frame;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static short[] samples(byte[] littleEndian) {
        short[] samples = new short[littleEndian.length / 2];
        ByteBuffer.wrap(littleEndian).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
