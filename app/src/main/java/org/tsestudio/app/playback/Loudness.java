package org.tsestudio.app.playback;

/**
 * A simple gated loudness, in the spirit of ITU-R BS.1770 without the K-weighting: mean square over
 * 400 ms blocks (75 % overlap), dropping blocks below -70 dBFS and then blocks more than 10 dB
 * below the mean of the rest. Silence between words therefore does not make a sparse output look
 * quieter than a dense mixture, which is what matters for a fair A/B comparison.
 */
public final class Loudness {
  /** What a silent or empty signal measures. */
  public static final double SILENT_DB = -120;

  private Loudness() {}

  /** Gated loudness in dB relative to full scale (a full-scale sine is about -3 dB). */
  public static double gatedDb(float[] x, int sampleRate) {
    int block = Math.max(1, (int) (0.4 * sampleRate));
    int hop = Math.max(1, block / 4);
    if (x.length == 0) {
      return SILENT_DB;
    }
    int count = x.length <= block ? 1 : 1 + (x.length - block) / hop;
    double[] power = new double[count];
    for (int b = 0; b < count; b++) {
      int from = b * hop;
      int to = Math.min(x.length, from + block);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += (double) x[i] * x[i];
      }
      power[b] = sum / (to - from);
    }
    double absoluteGate = Math.pow(10, -70 / 10.0);
    double mean = meanAbove(power, absoluteGate);
    if (Double.isNaN(mean)) {
      return SILENT_DB;
    }
    double relative = meanAbove(power, Math.max(absoluteGate, mean / 10));
    double p = Double.isNaN(relative) ? mean : relative;
    return Math.max(SILENT_DB, 10 * Math.log10(p));
  }

  private static double meanAbove(double[] power, double gate) {
    double sum = 0;
    int n = 0;
    for (double p : power) {
      if (p > gate) {
        sum += p;
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /**
   * Linear gains that bring every signal to the loudness of the quietest audible one. Matching
   * down, never up, so no source is pushed into clipping; silent signals keep unity gain.
   */
  public static float[] matchingGains(double[] loudnessDb) {
    double target = Double.POSITIVE_INFINITY;
    for (double l : loudnessDb) {
      if (l > SILENT_DB) {
        target = Math.min(target, l);
      }
    }
    float[] gains = new float[loudnessDb.length];
    for (int i = 0; i < gains.length; i++) {
      gains[i] =
          loudnessDb[i] > SILENT_DB && Double.isFinite(target)
              ? (float) Math.pow(10, (target - loudnessDb[i]) / 20)
              : 1f;
    }
    return gains;
  }
}
