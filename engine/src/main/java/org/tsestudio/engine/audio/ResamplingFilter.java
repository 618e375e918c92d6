package org.tsestudio.engine.audio;

/**
 * The polyphase table of a Kaiser-windowed sinc low-pass filter for resampling by a rational factor
 * up/down.
 *
 * <p>Design: the pass band ends at 0.45 and the stop band starts at 0.5 of the lower of the two
 * sample rates, so everything above the new Nyquist frequency is in the stop band (no aliasing into
 * the kept band) and speech up to 0.9 of Nyquist passes flat. A Kaiser window for {@value
 * #STOP_BAND_DB} dB sets the length (Kaiser's formula: N = (A - 8) / (2.285 * 2 pi * width)).
 *
 * <p>Row r of the table holds the 2H taps for an output that falls r/rows of an input sample after
 * an input sample. With rows == up every output uses an exact row; for ratios with many phases the
 * table has fewer rows and the output interpolates linearly between two adjacent rows, which for a
 * kernel this smooth costs less than -120 dB of error.
 */
final class ResamplingFilter {
  static final double STOP_BAND_DB = 80;
  private static final double PASS_EDGE = 0.45;
  private static final double STOP_EDGE = 0.5;
  private static final int MAX_ROWS = 4096;
  // Caps the table at 16 MiB of floats even for extreme ratios such as 768 kHz to 1 kHz.
  private static final long MAX_TABLE_FLOATS = 4L << 20;

  final int up;
  final int down;

  /** Taps on each side of the output time, in input samples. */
  final int halfTaps;

  final int taps;
  final int rows;
  final boolean exact;

  /** rows + 1 rows of taps (the extra row, for fraction 1.0, serves interpolation). */
  final float[] table;

  ResamplingFilter(int up, int down) {
    this.up = up;
    this.down = down;
    // Cut-off relative to the input rate: below the input's Nyquist when upsampling and below the
    // output's when downsampling.
    double scale = Math.min(1.0, up / (double) down);
    double transition = (STOP_EDGE - PASS_EDGE) * scale;
    double cutoff = (STOP_EDGE + PASS_EDGE) / 2 * scale;
    int length = (int) Math.ceil((STOP_BAND_DB - 8) / (2.285 * 2 * Math.PI * transition));
    this.halfTaps = Math.max(2, (length + 1) / 2);
    this.taps = 2 * halfTaps;
    int r = (int) Math.min(Math.min(up, MAX_ROWS), Math.max(16, MAX_TABLE_FLOATS / taps - 1));
    this.exact = r == up;
    this.rows = r;
    this.table = new float[(rows + 1) * taps];
    double beta = 0.1102 * (STOP_BAND_DB - 8.7);
    for (int row = 0; row <= rows; row++) {
      fillRow(row, row / (double) rows, cutoff, beta);
    }
  }

  // Tap j of a row multiplies input sample (base - halfTaps + 1 + j); its distance in input samples
  // from the output time (base + fraction) is tau = j - halfTaps + 1 - fraction.
  private void fillRow(int row, double fraction, double cutoff, double beta) {
    double[] h = new double[taps];
    double sum = 0;
    double i0Beta = besselI0(beta);
    for (int j = 0; j < taps; j++) {
      double tau = j - halfTaps + 1 - fraction;
      double x = tau / halfTaps;
      double window = Math.abs(x) >= 1 ? 0 : besselI0(beta * Math.sqrt(1 - x * x)) / i0Beta;
      h[j] = 2 * cutoff * sinc(2 * cutoff * tau) * window;
      sum += h[j];
    }
    // Exact unity gain at DC for every phase, so a constant signal stays constant.
    for (int j = 0; j < taps; j++) {
      table[row * taps + j] = (float) (h[j] / sum);
    }
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Modified Bessel function of the first kind, order 0, by its power series. */
  static double besselI0(double x) {
    double term = 1;
    double sum = 1;
    double q = x * x / 4;
    for (int k = 1; k < 500 && term > sum * 1e-17; k++) {
      term *= q / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}
