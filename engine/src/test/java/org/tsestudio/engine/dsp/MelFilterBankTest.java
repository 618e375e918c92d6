package org.tsestudio.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MelFilterBankTest {

  @Test
  void melScalesHitTheirDefiningPoints() {
    // HTK: 2595 log10(1 + 1000/700) = 2595 * 0.3853509 = 999.9855.
    assertEquals(999.98554, MelScale.HTK.hzToMel(1000), 1e-4);
    // Slaney: linear 3f/200 below 1 kHz, then 27 mel per factor 6.4.
    assertEquals(7.5, MelScale.SLANEY.hzToMel(500), 1e-12);
    assertEquals(15.0, MelScale.SLANEY.hzToMel(1000), 1e-12);
    assertEquals(42.0, MelScale.SLANEY.hzToMel(6400), 1e-12);
    for (MelScale scale : MelScale.values()) {
      for (double hz : new double[] {0, 60, 999, 1000, 1001, 4321, 24000}) {
        assertEquals(
            hz, scale.melToHz(scale.hzToMel(hz)), 1e-9 * Math.max(1, hz), scale + " " + hz);
      }
    }
  }

  /**
   * A filter bank small enough to work out by hand: 16 kHz, 16-point FFT (bins every 1000 Hz), two
   * Slaney filters from 0 to 8000 Hz.
   *
   * <pre>
   * mel(8000) = 15 + 27 ln(8) / ln(6.4) = 45.245640; 4 points evenly spaced in mel:
   *   0, 15.081880, 30.163760, 45.245640 mel = 0, 1005.6453, 2836.3995, 8000 Hz.
   * filter 0 (0 .. 1005.6 .. 2836.4 Hz):
   *   1000 Hz: 1000 / 1005.6453                         = 0.9943864
   *   2000 Hz: (2836.3995 - 2000) / (2836.3995 - 1005.6453) = 0.4568606
   * filter 1 (1005.6 .. 2836.4 .. 8000 Hz):
   *   2000 Hz: (2000 - 1005.6453) / 1830.7542             = 0.5431394
   *   3000 .. 7000 Hz: (8000 - f) / (8000 - 2836.3995)      = 0.9683166, 0.7746533, 0.5809900,
   *                                                          0.3873266, 0.1936633
   * area normalisation multiplies filter 0 by 2 / 2836.3995 and filter 1 by 2 / 6994.3547.
   * </pre>
   */
  @Test
  void smallSlaneyBankMatchesHandComputedWeights() {
    MelFilterBank bank = new MelFilterBank(16_000, 16, 2, 0, 8000, MelScale.SLANEY, false);
    assertEquals(1005.6453, bank.centreHz(0), 1e-3);
    assertEquals(2836.3995, bank.centreHz(1), 1e-3);
    assertArrayEquals(
        new float[] {0, 0.9943864f, 0.4568606f, 0, 0, 0, 0, 0, 0}, bank.weights(0), 1e-6f);
    assertArrayEquals(
        new float[] {
          0, 0, 0.5431394f, 0.9683166f, 0.7746533f, 0.5809900f, 0.3873266f, 0.1936633f, 0
        },
        bank.weights(1),
        1e-6f);
    MelFilterBank normalised = new MelFilterBank(16_000, 16, 2, 0, 8000, MelScale.SLANEY, true);
    assertEquals(0.9943864 * 2 / 2836.3995, normalised.weights(0)[1], 1e-9);
    assertEquals(0.9683166 * 2 / (8000 - 1005.6453), normalised.weights(1)[3], 1e-9);
  }

  /**
   * The same with the HTK scale: mel(8000) = 2595 log10(1 + 8000/700) = 2840.0230; points 0,
   * 946.6743, 1893.3487, 2840.0230 mel = 0, 921.4558, 3055.8841, 8000 Hz. Filter 0 at 1000 Hz:
   * (3055.8841 - 1000) / (3055.8841 - 921.4558) = 0.9632013.
   */
  @Test
  void smallHtkBankMatchesHandComputedWeights() {
    MelFilterBank bank = new MelFilterBank(16_000, 16, 2, 0, 8000, MelScale.HTK, false);
    assertEquals(921.4558, bank.centreHz(0), 1e-3);
    assertArrayEquals(
        new float[] {0, 0.9632013f, 0.4946918f, 0.0261822f, 0, 0, 0, 0, 0}, bank.weights(0), 1e-6f);
    assertEquals(0.0367987, bank.weights(1)[1], 1e-6);
    assertEquals(0.9738178, bank.weights(1)[3], 1e-6);
  }

  @Test
  void applyIsTheWeightedSumOfPowers() {
    MelFilterBank bank = new MelFilterBank(16_000, 512, 40, 0, 8000, MelScale.SLANEY, true);
    float[] power = new float[257];
    for (int k = 0; k < power.length; k++) {
      power[k] = (k % 7) + 0.5f;
    }
    float[] out = new float[40];
    bank.apply(power, out);
    for (int m = 0; m < 40; m++) {
      float[] w = bank.weights(m);
      double expected = 0;
      for (int k = 0; k < w.length; k++) {
        expected += w[k] * power[k];
      }
      assertEquals(expected, out[m], 1e-5 * expected);
    }
  }

  @Test
  void rejectsBanksWithEmptyFiltersOrBadRanges() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MelFilterBank(16_000, 64, 128, 0, 8000, MelScale.HTK, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MelFilterBank(16_000, 512, 40, 0, 9000, MelScale.HTK, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MelFilterBank(16_000, 512, 40, 500, 400, MelScale.HTK, false));
  }
}
