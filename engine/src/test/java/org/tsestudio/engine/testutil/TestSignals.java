package org.tsestudio.engine.testutil;

import java.util.Random;

/** Deterministic test signals. */
public final class TestSignals {
  private TestSignals() {}

  /** Uniform white noise in [-amplitude, amplitude). */
  public static float[] uniformNoise(int n, double amplitude, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amplitude * (2 * r.nextDouble() - 1));
    }
    return x;
  }

  /** Gaussian white noise with the given standard deviation. */
  public static float[] gaussianNoise(int n, double sigma, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (sigma * r.nextGaussian());
    }
    return x;
  }

  /** A sine of the given frequency and amplitude. */
  public static float[] sine(int n, double hz, int sampleRate, double amplitude) {
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / sampleRate));
    }
    return x;
  }

  /**
   * A crude voiced-speech imitation: a glottal pulse train with wandering pitch (100-220 Hz)
   * through two formant resonators, under a syllable-rate (4 Hz) on/off envelope with silent gaps.
   * Spectral tilt, harmonics, pauses and a large dynamic range are what exercise the STFT edges and
   * the silent-frame handling like real speech does.
   */
  public static float[] speechLike(int n, int sampleRate, long seed) {
    Random r = new Random(seed);
    float[] x = new float[n];
    double phase = 0;
    // Two-pole resonators for formants near 700 Hz and 1800 Hz.
    double[] f = {700, 1800};
    double[] bw = {130, 200};
    double[][] state = new double[2][2];
    for (int i = 0; i < n; i++) {
      double t = (double) i / sampleRate;
      double pitch = 160 + 60 * Math.sin(2 * Math.PI * 0.7 * t) + 5 * r.nextGaussian();
      phase += pitch / sampleRate;
      double excitation = 0;
      if (phase >= 1) {
        phase -= 1;
        excitation = 1;
      }
      excitation += 0.02 * r.nextGaussian();
      double y = 0;
      for (int j = 0; j < 2; j++) {
        double rad = Math.exp(-Math.PI * bw[j] / sampleRate);
        double a1 = 2 * rad * Math.cos(2 * Math.PI * f[j] / sampleRate);
        double a2 = -rad * rad;
        double out = excitation * (1 - rad) + a1 * state[j][0] + a2 * state[j][1];
        state[j][1] = state[j][0];
        state[j][0] = out;
        y += out;
      }
      double syllable = Math.sin(2 * Math.PI * 4 * t);
      double envelope = syllable > 0.2 ? syllable : 0.0;
      x[i] = (float) (0.3 * envelope * y);
    }
    return x;
  }

  public static double maxAbsDifference(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
    }
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs((double) a[i] - b[i]));
    }
    return max;
  }

  public static double peak(float[] x) {
    double max = 0;
    for (float v : x) {
      max = Math.max(max, Math.abs(v));
    }
    return max;
  }
}
