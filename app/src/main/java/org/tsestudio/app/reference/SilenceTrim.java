package org.tsestudio.app.reference;

/**
 * Finds where speech starts and ends in a recording: the first and last 10 ms frame whose RMS is
 * within {@link #RANGE_DB} of the loudest frame and above {@link #FLOOR_DB}, widened by a little
 * padding so that soft onsets are kept.
 */
public final class SilenceTrim {
  /** Frames this far below the loudest one count as silence. */
  public static final double RANGE_DB = 40;

  /** Anything quieter than this is silence whatever the loudest frame is. */
  public static final double FLOOR_DB = -60;

  private SilenceTrim() {}

  /**
   * @return {@code {from, to}} sample indices of the audible part, or null when all is silence
   */
  public static int[] audibleRange(float[] x, int sampleRate, double padSeconds) {
    int frame = Math.max(1, sampleRate / 100);
    int frames = (x.length + frame - 1) / frame;
    double[] db = new double[frames];
    double loudest = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < frames; f++) {
      int from = f * frame;
      int to = Math.min(x.length, from + frame);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += (double) x[i] * x[i];
      }
      db[f] = 10 * Math.log10(Math.max(sum / (to - from), 1e-12));
      loudest = Math.max(loudest, db[f]);
    }
    double threshold = Math.max(FLOOR_DB, loudest - RANGE_DB);
    int first = -1;
    int last = -1;
    for (int f = 0; f < frames; f++) {
      if (db[f] >= threshold) {
        if (first < 0) {
          first = f;
        }
        last = f;
      }
    }
    if (first < 0 || loudest < FLOOR_DB) {
      return null;
    }
    int pad = (int) Math.round(padSeconds * sampleRate);
    int from = Math.max(0, first * frame - pad);
    int to = Math.min(x.length, (last + 1) * frame + pad);
    return new int[] {from, to};
  }

  /** Peak level in dBFS (for the level meter), -120 for silence. */
  public static double peakDb(float[] x, int from, int to) {
    float peak = 0;
    for (int i = from; i < to; i++) {
      peak = Math.max(peak, Math.abs(x[i]));
    }
    return peak <= 1e-6f ? -120 : 20 * Math.log10(peak);
  }
}
