package dev.supportassistant.speech.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The resampler every decoder ends with: a Hann-windowed sinc low-pass, so that what lies above the
 * new Nyquist frequency (8 kHz) does not fold back into the speech band.
 */
class PcmTest {

    @Test
    void speechFrequenciesPassAndTonesAboveEightKilohertzDoNotAlias() {
        assertThat(levelAfterResampling(22_050, 1_000)).isBetween(-0.1, 0.1);
        assertThat(levelAfterResampling(22_050, 6_000)).isBetween(-0.5, 0.5);
        // A 9 kHz tone would fold to 7 kHz, a 10 kHz one to 6 kHz: in the band the recognizer hears.
        assertThat(levelAfterResampling(22_050, 9_000)).isLessThan(-40);
        assertThat(levelAfterResampling(22_050, 10_000)).isLessThan(-60);
        assertThat(levelAfterResampling(48_000, 10_000)).isLessThan(-60);
        assertThat(levelAfterResampling(44_100, 12_000)).isLessThan(-60);
    }

    @Test
    void filtersAreKeptOnlyForTheRatesRecordingsHave() {
        Pcm.resampled(new short[1000], 22_050);
        Pcm.resampled(new short[1000], 12_345);

        assertThat(Pcm.keptFilters()).contains(22_050).doesNotContain(12_345);
    }

    /** A second of a full-scale-ish tone at {@code rate}, resampled to 16 kHz: its level in dB against the original. */
    private static double levelAfterResampling(int rate, double frequency) {
        short[] tone = new short[rate];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (short) Math.round(10_000 * Math.sin(2 * Math.PI * frequency * i / rate));
        }
        short[] out = Pcm.resampled(tone, rate);
        double sum = 0;
        int count = 0;
        // Away from the edges, where the filter runs out of input.
        for (int i = 1_000; i < out.length - 1_000; i++) {
            sum += (double) out[i] * out[i];
            count++;
        }
        return 20 * Math.log10(Math.sqrt(sum / count) / (10_000 / Math.sqrt(2)));
    }
}
