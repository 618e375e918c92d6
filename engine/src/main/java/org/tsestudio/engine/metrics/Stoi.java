package org.tsestudio.engine.metrics;

/**
 * Short-time objective intelligibility: STOI (Taal, Hendriks, Heusdens and Jensen, IEEE TASLP 2011)
 * and extended STOI (Jensen and Taal, IEEE TASLP 2016). Both compare the clean and the processed
 * signal's one-third-octave band envelopes over 384 ms segments; values lie in about [0, 1] (ESTOI
 * can go slightly negative), higher meaning more intelligible.
 *
 * <p>Parameters are the published ones: 10 kHz, 256-sample frames with 50% overlap, 512-point FFT,
 * 15 one-third-octave bands from 150 Hz, segments of N = 30 frames, silent frames (more than 40 dB
 * below the clean signal's loudest frame) removed, and for STOI the processed envelope clipped at a
 * signal-to-distortion ratio of -15 dB. Input at another rate is resampled to 10 kHz with {@link
 * RationalResampler}. At 10 kHz input the results agree with the authors' published MATLAB
 * algorithm to 1e-6; at other rates they can differ from implementations that resample with
 * MATLAB's {@code resample} or scipy's {@code resample_poly} by a few thousandths (0.003 on the
 * example files), because the filter's tails decide whether a few frames at speech onsets lie
 * inside the 40 dB range.
 *
 * <p>Where a normalisation would divide by zero (a band silent over a whole segment), the reference
 * code adds tiny random noise; this implementation adds {@link #EPS} to the norm instead, so that
 * results are deterministic; the silent band then contributes a correlation of 0.
 */
public final class Stoi {
  /** Frames per segment (384 ms at 10 kHz). */
  static final int SEGMENT = 30;

  /** Lower signal-to-distortion bound of STOI's clipping, in dB. */
  static final double CLIP_SDR_DB = -15.0;

  /** Guard added to norms (the double machine epsilon, as in pystoi). */
  static final double EPS = Math.ulp(1.0);

  private Stoi() {}

  /**
   * STOI of {@code processed} against {@code clean}, both at {@code sampleRate} Hz.
   *
   * @throws IllegalArgumentException if the lengths differ or fewer than 30 non-silent frames
   *     (about 0.4 s of speech) remain
   */
  public static double stoi(float[] clean, float[] processed, int sampleRate) {
    StoiEnvelopes.Envelopes e = envelopes(clean, processed, sampleRate);
    double clip = 1 + Math.pow(10, -CLIP_SDR_DB / 20);
    int segments = e.frames() - SEGMENT + 1;
    double[] yClipped = new double[SEGMENT];
    double total = 0;
    for (int s = 0; s < segments; s++) {
      for (int j = 0; j < StoiEnvelopes.BANDS; j++) {
        double[] x = e.clean()[j];
        double[] y = e.processed()[j];
        double xx = 0;
        double yy = 0;
        for (int n = s; n < s + SEGMENT; n++) {
          xx += x[n] * x[n];
          yy += y[n] * y[n];
        }
        // Scale the processed envelope to the clean one's energy, then clip it to at most
        // (1 + 10^(15/20)) times the clean envelope: bounds the effect of one bad unit.
        double alpha = Math.sqrt(xx) / (Math.sqrt(yy) + EPS);
        for (int n = 0; n < SEGMENT; n++) {
          yClipped[n] = Math.min(alpha * y[s + n], clip * x[s + n]);
        }
        total += correlation(x, s, yClipped);
      }
    }
    return total / ((double) segments * StoiEnvelopes.BANDS);
  }

  /**
   * ESTOI of {@code processed} against {@code clean}, both at {@code sampleRate} Hz.
   *
   * @throws IllegalArgumentException as {@link #stoi}
   */
  public static double estoi(float[] clean, float[] processed, int sampleRate) {
    StoiEnvelopes.Envelopes e = envelopes(clean, processed, sampleRate);
    int bands = StoiEnvelopes.BANDS;
    int segments = e.frames() - SEGMENT + 1;
    double[][] xs = new double[bands][SEGMENT];
    double[][] ys = new double[bands][SEGMENT];
    double total = 0;
    for (int s = 0; s < segments; s++) {
      for (int j = 0; j < bands; j++) {
        System.arraycopy(e.clean()[j], s, xs[j], 0, SEGMENT);
        System.arraycopy(e.processed()[j], s, ys[j], 0, SEGMENT);
      }
      // Rows (each band over time) to zero mean and unit norm, then columns (each frame across
      // bands) likewise; the segment's score is the mean over frames of the column correlations.
      normaliseRows(xs);
      normaliseRows(ys);
      normaliseColumns(xs);
      normaliseColumns(ys);
      double dot = 0;
      for (int j = 0; j < bands; j++) {
        for (int n = 0; n < SEGMENT; n++) {
          dot += xs[j][n] * ys[j][n];
        }
      }
      total += dot / SEGMENT;
    }
    return total / segments;
  }

  private static StoiEnvelopes.Envelopes envelopes(
      float[] clean, float[] processed, int sampleRate) {
    if (clean.length != processed.length) {
      throw new IllegalArgumentException(
          "clean and processed signals differ in length: "
              + clean.length
              + " vs "
              + processed.length
              + " samples");
    }
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
    }
    StoiEnvelopes.Envelopes e = StoiEnvelopes.compute(clean, processed, sampleRate);
    if (e.frames() < SEGMENT) {
      throw new IllegalArgumentException(
          "too little speech for STOI: "
              + e.frames()
              + " non-silent frames, at least "
              + SEGMENT
              + " (about 0.4 s) needed");
    }
    return e;
  }

  /** Pearson correlation of {@code x[start .. start+SEGMENT)} and {@code y[0 .. SEGMENT)}. */
  private static double correlation(double[] x, int start, double[] y) {
    double mx = 0;
    double my = 0;
    for (int n = 0; n < SEGMENT; n++) {
      mx += x[start + n];
      my += y[n];
    }
    mx /= SEGMENT;
    my /= SEGMENT;
    double xy = 0;
    double xx = 0;
    double yy = 0;
    for (int n = 0; n < SEGMENT; n++) {
      double a = x[start + n] - mx;
      double b = y[n] - my;
      xy += a * b;
      xx += a * a;
      yy += b * b;
    }
    return xy / ((Math.sqrt(xx) + EPS) * (Math.sqrt(yy) + EPS));
  }

  private static void normaliseRows(double[][] m) {
    for (double[] row : m) {
      double mean = 0;
      for (double v : row) {
        mean += v;
      }
      mean /= row.length;
      double norm = 0;
      for (int n = 0; n < row.length; n++) {
        row[n] -= mean;
        norm += row[n] * row[n];
      }
      norm = Math.sqrt(norm) + EPS;
      for (int n = 0; n < row.length; n++) {
        row[n] /= norm;
      }
    }
  }

  private static void normaliseColumns(double[][] m) {
    for (int n = 0; n < m[0].length; n++) {
      double mean = 0;
      for (double[] row : m) {
        mean += row[n];
      }
      mean /= m.length;
      double norm = 0;
      for (double[] row : m) {
        row[n] -= mean;
        norm += row[n] * row[n];
      }
      norm = Math.sqrt(norm) + EPS;
      for (double[] row : m) {
        row[n] /= norm;
      }
    }
  }
}
