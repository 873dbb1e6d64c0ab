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
        long maxFrames = Mp4Boxes.maxFrames(maxSamples);
        Mp4Boxes.check(bytes, maxFrames);
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
            Frames frames = new Frames(new Decoder(toArray(config)), maxSamples);
            // Frame by frame as they come: only the decoded speech is kept, bounded as it grows.
            Packet packet;
            while ((packet = track.nextFrame()) != null) {
                frames.decode(withoutAdts(toArray(packet.getData())));
            }
            if (frames.length == 0) {
                // A fragmented MP4 (what MediaRecorder writes as it records): the frames are in movie fragments.
                for (Mp4Fragments.Sample sample : Mp4Fragments.samples(bytes, maxFrames)) {
                    frames.decode(Arrays.copyOfRange(bytes, sample.offset(), sample.offset() + sample.size()));
                }
            }
            return frames.pcm();
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof UnreadableAudioException || broken instanceof RecordingTooLongException) {
                throw (RuntimeException) broken;
            }
            throw new UnreadableAudioException("the MP4 audio cannot be decoded");
        }
    }

    /** AAC frames decoded into one channel, refused as soon as they last longer than allowed. */
    private static final class Frames {

        private final Decoder decoder;
        private final SampleBuffer buffer = new SampleBuffer();
        private final long maxSamples;
        private short[] decoded = new short[0];
        private int length;
        private int rate;

        Frames(Decoder decoder, long maxSamples) {
            this.decoder = decoder;
            this.maxSamples = maxSamples;
            buffer.setBigEndian(false);
        }

        void decode(byte[] frame) throws IOException {
            decoder.decodeFrame(frame, buffer);
            rate = buffer.getSampleRate();
            short[] mono = Pcm.mono(samples(buffer.getData()), buffer.getData().length / 2, buffer.getChannels());
            if ((long) (length + mono.length) * Pcm.RATE / Math.max(1, rate) > maxSamples) {
                throw new RecordingTooLongException();
            }
            if (length + mono.length > decoded.length) {
                decoded = Arrays.copyOf(decoded, Math.max(decoded.length * 2, length + mono.length + rate));
            }
            System.arraycopy(mono, 0, decoded, length, mono.length);
            length += mono.length;
        }

        Pcm pcm() {
            return new Pcm(Pcm.resampled(Arrays.copyOf(decoded, length), rate == 0 ? Pcm.RATE : rate));
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
