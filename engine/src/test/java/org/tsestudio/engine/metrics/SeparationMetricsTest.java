package org.tsestudio.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.tsestudio.engine.metrics.SeparationMetrics.MAX_DB;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.TestSignals;

class SeparationMetricsTest {

  /**
   * Worked by hand. Reference s = [1, -1, 2, -2] and estimate e = [2, 0, 3, -5] are zero-mean
   * already, so mean removal changes nothing.
   *
   * <pre>
   * &lt;e, s&gt; = 2 + 0 + 6 + 10 = 18,   |s|^2 = 1 + 1 + 4 + 4 = 10,   alpha = 1.8
   * target  = 1.8 s = [1.8, -1.8, 3.6, -3.6],   |target|^2 = 3.24 * 10 = 32.4
   * noise   = e - target = [0.2, 1.8, -0.6, -1.4],   |noise|^2 = 0.04 + 3.24 + 0.36 + 1.96 = 5.6
   * SI-SDR  = 10 log10(32.4 / 5.6) = 10 log10(5.7857143) = 7.6235698 dB
   * </pre>
   *
   * Adding a constant to the estimate (e + 1 = [3, 1, 4, -4], mean 1) gives the same value, since
   * both signals are made zero-mean first.
   */
  @Test
  void siSdrOfASmallVectorMatchesTheHandComputation() {
    float[] s = {1, -1, 2, -2};
    float[] e = {2, 0, 3, -5};
    assertEquals(7.6235698, SeparationMetrics.siSdr(e, s), 1e-6);
    assertEquals(7.6235698, SeparationMetrics.siSdr(new float[] {3, 1, 4, -4}, s), 1e-6);
    // Plain SDR of the same pair: |s|^2 / |s - e|^2 = 10 / (1 + 1 + 1 + 9) = 10/12: -0.7918125 dB.
    assertEquals(-0.7918125, SeparationMetrics.sdr(e, s), 1e-6);
  }

  @Test
  void siSdrIgnoresTheScaleOfEitherSignalButSdrDoesNot() throws IOException {
    float[] target = ExampleAudio.read("target.wav");
    float[] mixture = ExampleAudio.read("mixture.wav");
    double base = SeparationMetrics.siSdr(mixture, target);
    for (float gain : new float[] {0.01f, 0.5f, 3f, -2f}) {
      assertEquals(base, SeparationMetrics.siSdr(scaled(mixture, gain), target), 1e-6);
      assertEquals(base, SeparationMetrics.siSdr(mixture, scaled(target, gain)), 1e-6);
    }
    // Half the reference is a pure gain error: |s|^2 / |s/2|^2 = 4, i.e. 6.0206 dB.
    assertEquals(10 * Math.log10(4), SeparationMetrics.sdr(scaled(target, 0.5f), target), 1e-6);
  }

  @Test
  void identicalSignalsGiveTheCapAndSilentEstimatesTheFloor() throws IOException {
    float[] target = ExampleAudio.read("target.wav");
    assertEquals(MAX_DB, SeparationMetrics.siSdr(target, target));
    assertEquals(MAX_DB, SeparationMetrics.sdr(target, target));
    float[] silence = new float[target.length];
    assertEquals(-MAX_DB, SeparationMetrics.siSdr(silence, target));
    // A silent estimate leaves all of the reference as error: exactly 0 dB plain SDR.
    assertEquals(0.0, SeparationMetrics.sdr(silence, target), 1e-12);
  }

  @Test
  void mixturesOfKnownSnrGiveThatSdr() throws IOException {
    float[] target = ExampleAudio.read("target.wav");
    float[] noise = TestSignals.gaussianNoise(target.length, 1.0, 42);
    for (double snr : new double[] {-10, -5, 0, 5, 10, 20, 30}) {
      float[] n = scaledToSnr(noise, target, snr);
      float[] mixture = new float[target.length];
      for (int i = 0; i < mixture.length; i++) {
        mixture[i] = target[i] + n[i];
      }
      assertEquals(snr, SeparationMetrics.sdr(mixture, target), 0.01, "SDR at " + snr + " dB");
      // SI-SDR equals the SNR once the noise has no component along the (zero-mean) target.
      float[] orthogonal = orthogonalTo(n, target);
      float[] m2 = new float[target.length];
      for (int i = 0; i < m2.length; i++) {
        m2[i] = target[i] + orthogonal[i];
      }
      double snr2 = 10 * Math.log10(energy(centred(target)) / energy(centred(orthogonal)));
      assertEquals(snr2, SeparationMetrics.siSdr(m2, target), 0.01, "SI-SDR at " + snr + " dB");
    }
  }

  @Test
  void theExampleMixtureIsAtZeroDbSir() throws IOException {
    float[] target = ExampleAudio.read("target.wav");
    float[] interferer = ExampleAudio.read("interferer.wav");
    float[] mixture = ExampleAudio.read("mixture.wav");
    assertEquals(0.0, SeparationMetrics.sdr(mixture, target), 0.01);
    assertEquals(0.0, SeparationMetrics.sdr(mixture, interferer), 0.01);
  }

  @Test
  void improvementsOfTheMixtureItselfAreZero() throws IOException {
    float[] target = ExampleAudio.read("target.wav");
    float[] mixture = ExampleAudio.read("mixture.wav");
    assertEquals(0.0, SeparationMetrics.siSdrImprovement(mixture, target, mixture));
    assertEquals(0.0, SeparationMetrics.sdrImprovement(mixture, target, mixture));
    // The perfect estimate improves by the cap minus the mixture's own score.
    assertEquals(
        MAX_DB - SeparationMetrics.siSdr(mixture, target),
        SeparationMetrics.siSdrImprovement(target, target, mixture),
        1e-9);
  }

  @Test
  void rejectsUndefinedInputs() {
    float[] a = {1, 2, 3};
    assertThrows(IllegalArgumentException.class, () -> SeparationMetrics.siSdr(a, new float[4]));
    assertThrows(IllegalArgumentException.class, () -> SeparationMetrics.sdr(a, new float[3]));
    assertThrows(
        IllegalArgumentException.class, () -> SeparationMetrics.siSdr(a, new float[] {5, 5, 5}));
    assertThrows(
        IllegalArgumentException.class, () -> SeparationMetrics.sdr(new float[0], new float[0]));
    assertThrows(
        IllegalArgumentException.class,
        () -> SeparationMetrics.siSdrImprovement(a, a, new float[2]));
  }

  private static float[] scaled(float[] x, float gain) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i] * gain;
    }
    return y;
  }

  private static double energy(float[] x) {
    double e = 0;
    for (float v : x) {
      e += (double) v * v;
    }
    return e;
  }

  private static float[] centred(float[] x) {
    double mean = 0;
    for (float v : x) {
      mean += v;
    }
    mean /= x.length;
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = (float) (x[i] - mean);
    }
    return y;
  }

  private static float[] scaledToSnr(float[] noise, float[] signal, double snrDb) {
    double gain = Math.sqrt(energy(signal) / energy(noise) / Math.pow(10, snrDb / 10));
    return scaled(noise, (float) gain);
  }

  /** The zero-mean part of n with its projection on the zero-mean s removed. */
  private static float[] orthogonalTo(float[] n, float[] s) {
    float[] nc = centred(n);
    float[] sc = centred(s);
    double dot = 0;
    for (int i = 0; i < nc.length; i++) {
      dot += (double) nc[i] * sc[i];
    }
    double alpha = dot / energy(sc);
    float[] y = new float[n.length];
    for (int i = 0; i < n.length; i++) {
      y[i] = (float) (nc[i] - alpha * sc[i]);
    }
    return y;
  }
}
