package dev.supportassistant.speech;

/**
 * Speech as the recognizer reads it: 16-bit samples, one channel, 16 kHz; and the two steps every
 * decoder ends with, mixing channels down and changing the rate.
 */
record Pcm(short[] samples) {

    static final int RATE = 16_000;

    double seconds() {
        return samples.length / (double) RATE;
    }

    /** Interleaved samples of {@code channels} channels, averaged into one. */
    static short[] mono(short[] interleaved, int count, int channels) {
        if (channels == 1) {
            return java.util.Arrays.copyOf(interleaved, count);
        }
        short[] mono = new short[count / channels];
        for (int i = 0; i < mono.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += interleaved[i * channels + c];
            }
            mono[i] = (short) (sum / channels);
        }
        return mono;
    }

    /**
     * From {@code rate} to 16 kHz: averaging each output sample's span of input when going down
     * (which also keeps out most of what would alias), interpolating when going up.
     */
    static short[] resampled(short[] mono, int rate) {
        if (rate == RATE) {
            return mono;
        }
        int length = (int) ((long) mono.length * RATE / rate);
        short[] out = new short[length];
        double step = (double) rate / RATE;
        for (int i = 0; i < length; i++) {
            double start = i * step;
            if (step > 1) {
                int from = (int) start;
                int to = Math.min(mono.length, (int) (start + step));
                long sum = 0;
                for (int j = from; j < to; j++) {
                    sum += mono[j];
                }
                out[i] = (short) (to > from ? sum / (to - from) : 0);
            } else {
                int at = (int) start;
                double fraction = start - at;
                int next = Math.min(mono.length - 1, at + 1);
                out[i] = (short) Math.round(mono[at] * (1 - fraction) + mono[next] * fraction);
            }
        }
        return out;
    }
}
