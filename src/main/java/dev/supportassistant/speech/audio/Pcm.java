package dev.supportassistant.speech.audio;

/**
 * Speech as the recognizer reads it: 16-bit samples, one channel, 16 kHz; and the two steps every
 * decoder ends with, mixing channels down and changing the rate.
 */
public record Pcm(short[] samples) {

    /** The one rate the recognizer reads. */
    public static final int RATE = 16_000;

    /** How long the speech lasts. */
    public double seconds() {
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

    /** Zero crossings of the interpolating sinc on each side: enough for speech, cheap at these rates. */
    private static final int ZERO_CROSSINGS = 12;
    /** Fractional positions the filter is tabulated at: a 512th of a sample is far below what speech needs. */
    private static final int PHASES = 512;
    /**
     * Filters by input rate, computed once for the rates recordings have (browsers record at 44.1 and
     * 48 kHz, speech synthesizers write 22.05 kHz); a WAV may declare any rate, and those are computed
     * for the one recording, not kept, so that no sender can fill this map.
     */
    private static final java.util.Map<Integer, float[][]> FILTERS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.Set<Integer> KEPT_RATES = java.util.Set.of(8_000, 11_025, 12_000, 22_050, 24_000,
            32_000, 44_100, 48_000, 88_200, 96_000);

    /**
     * From {@code rate} to 16 kHz by band-limited interpolation: each output sample is a
     * Hann-windowed sinc sum over the input around it, with the cut-off below the lower of the two
     * Nyquist frequencies, so going down does not alias and going up does not image.
     */
    static short[] resampled(short[] mono, int rate) {
        if (rate == RATE) {
            return mono;
        }
        int length = (int) ((long) mono.length * RATE / rate);
        short[] out = new short[length];
        double step = (double) rate / RATE;
        float[][] filter = KEPT_RATES.contains(rate) ? FILTERS.computeIfAbsent(rate, Pcm::filter) : filter(rate);
        int reach = filter[0].length / 2;
        for (int i = 0; i < length; i++) {
            double center = i * step;
            int whole = (int) center;
            float[] taps = filter[(int) ((center - whole) * PHASES)];
            double sum = 0;
            for (int t = 0; t < taps.length; t++) {
                int k = whole - reach + 1 + t;
                if (k >= 0 && k < mono.length) {
                    sum += mono[k] * taps[t];
                }
            }
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(sum)));
        }
        return out;
    }

    /** The rates whose filters are kept (tests). */
    static java.util.Set<Integer> keptFilters() {
        return java.util.Set.copyOf(FILTERS.keySet());
    }

    /** For each phase, the taps at input samples {@code whole - reach + 1 ... whole + reach}. */
    private static float[][] filter(int rate) {
        double step = (double) rate / RATE;
        double cutoff = Math.min(1.0, 1.0 / step) * 0.95;
        double halfWidth = ZERO_CROSSINGS / cutoff;
        int reach = (int) Math.ceil(halfWidth);
        float[][] filter = new float[PHASES][2 * reach];
        for (int phase = 0; phase < PHASES; phase++) {
            double fraction = (double) phase / PHASES;
            for (int t = 0; t < 2 * reach; t++) {
                double x = (-reach + 1 + t) - fraction;
                if (Math.abs(x) >= halfWidth) {
                    continue;
                }
                double window = 0.5 + 0.5 * Math.cos(Math.PI * x / halfWidth);
                double argument = Math.PI * cutoff * x;
                double sinc = argument == 0 ? 1 : Math.sin(argument) / argument;
                filter[phase][t] = (float) (cutoff * sinc * window);
            }
        }
        return filter;
    }
}
