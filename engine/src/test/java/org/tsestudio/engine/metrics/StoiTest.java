package org.tsestudio.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.TestSignals;

/** STOI and ESTOI on the real (flite) speech of the example fixtures. */
class StoiTest {
  private static final int RATE = ExampleAudio.SAMPLE_RATE;
  private static float[] target;
  private static float[] mixture;

  @BeforeAll
  static void readExamples() throws IOException {
    target = ExampleAudio.read("target.wav");
    mixture = ExampleAudio.read("mixture.wav");
  }

  @Test
  void identicalSignalsScoreOne() {
    assertEquals(1.0, Stoi.stoi(target, target, RATE), 1e-6);
    assertEquals(1.0, Stoi.estoi(target, target, RATE), 1e-6);
  }

  @Test
  void aGainOnTheProcessedSignalChangesNothing() {
    float[] quieter = target.clone();
    for (int i = 0; i < quieter.length; i++) {
      quieter[i] *= 0.2f;
    }
    assertEquals(1.0, Stoi.stoi(target, quieter, RATE), 1e-6);
    assertEquals(1.0, Stoi.estoi(target, quieter, RATE), 1e-6);
  }

  @Test
  void scoresFallMonotonicallyAsWhiteNoiseRises() {
    float[] noise = TestSignals.gaussianNoise(target.length, 1.0, 3);
    double targetEnergy = energy(target);
    double noiseEnergy = energy(noise);
    double previousStoi = 1.0;
    double previousEstoi = 1.0;
    double[] snrs = {30, 20, 10, 5, 0, -5, -10, -15};
    double[] stois = new double[snrs.length];
    for (int s = 0; s < snrs.length; s++) {
      double gain = Math.sqrt(targetEnergy / noiseEnergy / Math.pow(10, snrs[s] / 10));
      float[] noisy = new float[target.length];
      for (int i = 0; i < noisy.length; i++) {
        noisy[i] = (float) (target[i] + gain * noise[i]);
      }
      double stoi = Stoi.stoi(target, noisy, RATE);
      double estoi = Stoi.estoi(target, noisy, RATE);
      stois[s] = stoi;
      assertTrue(
          stoi < previousStoi, "STOI at " + snrs[s] + " dB: " + stoi + " >= " + previousStoi);
      assertTrue(
          estoi < previousEstoi, "ESTOI at " + snrs[s] + " dB: " + estoi + " >= " + previousEstoi);
      previousStoi = stoi;
      previousEstoi = estoi;
    }
    // Nearly clean is nearly perfect; deep in noise little is left.
    assertTrue(stois[0] > 0.95, "STOI at 30 dB SNR " + stois[0]);
    assertTrue(stois[stois.length - 1] < 0.6, "STOI at -15 dB SNR " + stois[stois.length - 1]);
  }

  /**
   * Values of an independent numpy transliteration of the authors' published MATLAB code (stoi.m,
   * estoi.m), run on the 10 kHz signals that this class's resampler makes from target.wav and
   * mixture.wav; it agrees with this implementation to 1e-8. (With scipy's resample_poly instead,
   * the reference gives 0.6151 / 0.3979: the resampling filter decides whether a few frames at
   * speech onsets fall inside the 40 dB range.)
   */
  @Test
  void matchesTheReferenceAlgorithmOnTheExampleMixture() {
    assertEquals(0.6132472, Stoi.stoi(target, mixture, RATE), 1e-6);
    assertEquals(0.3983889, Stoi.estoi(target, mixture, RATE), 1e-6);
  }

  /**
   * At 10 kHz with a 512-point FFT the bins are 19.53125 Hz apart. Band 0: edges 150 * 2^(-1/6) =
   * 133.63 Hz (bin 6.84 -> 7) and 150 * 2^(1/6) = 168.37 Hz (bin 8.62 -> 9). Band 14: 150 *
   * 2^(27/6) = 3394.1 Hz (bin 173.8 -> 174) and 150 * 2^(29/6) = 4276.2 Hz (bin 218.9 -> 219).
   */
  @Test
  void thirdOctaveBandsMatchTheHandComputedBins() {
    int[][] bands = StoiEnvelopes.bandBins();
    assertEquals(15, bands.length);
    assertArrayEquals(new int[] {7, 9}, bands[0]);
    assertArrayEquals(new int[] {174, 219}, bands[14]);
    for (int j = 1; j < bands.length; j++) {
      assertEquals(bands[j - 1][1], bands[j][0], "bands " + (j - 1) + " and " + j + " touch");
    }
  }

  @Test
  void framesMoreThan40DbBelowTheLoudestAreDropped() {
    // 3 s at 10 kHz: noise, then 1 s quiet, then noise again.
    int rate = StoiEnvelopes.RATE;
    double[] loudQuietLoud = new double[3 * rate];
    double[] noise = toDouble(TestSignals.gaussianNoise(3 * rate, 0.1, 8));
    int frames = StoiEnvelopes.frameCount(loudQuietLoud.length);
    for (double quietDb : new double[] {-30, -60}) {
      for (int i = 0; i < loudQuietLoud.length; i++) {
        boolean quiet = i >= rate && i < 2 * rate;
        loudQuietLoud[i] = noise[i] * (quiet ? Math.pow(10, quietDb / 20) : 1);
      }
      int kept =
          keptFrames(StoiEnvelopes.removeSilentFrames(loudQuietLoud, loudQuietLoud)[0].length);
      if (quietDb == -30) {
        assertEquals(frames, kept, "30 dB down is still speech range");
      } else {
        // Frames wholly inside the quiet second start at 79*128 .. 154*128: 76 of them go. The
        // frame on each side that holds only a few loud samples under the window's tail may go too.
        assertTrue(kept <= frames - 76 && kept >= frames - 78, "kept " + kept + " of " + frames);
      }
    }
  }

  @Test
  void rejectsMismatchedOrTooShortSignals() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Stoi.stoi(target, Arrays.copyOf(target, target.length - 1), RATE));
    float[] short300ms = Arrays.copyOf(target, (int) (0.3 * RATE));
    assertThrows(IllegalArgumentException.class, () -> Stoi.stoi(short300ms, short300ms, RATE));
    float[] silence = new float[RATE];
    assertThrows(IllegalArgumentException.class, () -> Stoi.estoi(silence, silence, RATE));
  }

  private static int keptFrames(int length) {
    return length == 0 ? 0 : (length - StoiEnvelopes.FRAME) / StoiEnvelopes.HOP + 1;
  }

  private static double energy(float[] x) {
    double e = 0;
    for (float v : x) {
      e += (double) v * v;
    }
    return e;
  }

  private static double[] toDouble(float[] x) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i];
    }
    return y;
  }
}
