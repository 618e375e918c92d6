package org.tsestudio.app.waveform;

import java.util.function.BooleanSupplier;

/**
 * Min, max and mean-square of a signal over buckets of 64, 256, 1024, ... samples, so that drawing
 * any zoom level touches at most a few buckets per pixel column instead of every sample. Built once
 * in the background (about 2.7 floats per 64 samples in total); reading it is cheap enough for the
 * UI thread.
 */
public final class PeakPyramid {
  /** Samples per bucket on the finest level; finer zooms read the samples themselves. */
  public static final int BASE = 64;

  /** Each level merges this many buckets of the level below. */
  public static final int FANOUT = 4;

  private final float[] samples;
  private final float[][] min;
  private final float[][] max;
  private final float[][] meanSquare;

  private PeakPyramid(float[] samples, float[][] min, float[][] max, float[][] meanSquare) {
    this.samples = samples;
    this.min = min;
    this.max = max;
    this.meanSquare = meanSquare;
  }

  /**
   * Builds the pyramid; returns null when {@code cancelled} turns true on the way (a newer file
   * replaced this one).
   */
  public static PeakPyramid build(float[] samples, BooleanSupplier cancelled) {
    int levels = 1;
    for (long size = BASE; size * FANOUT < samples.length; size *= FANOUT) {
      levels++;
    }
    float[][] min = new float[levels][];
    float[][] max = new float[levels][];
    float[][] ms = new float[levels][];
    int n0 = (samples.length + BASE - 1) / BASE;
    min[0] = new float[n0];
    max[0] = new float[n0];
    ms[0] = new float[n0];
    for (int b = 0; b < n0; b++) {
      if ((b & 4095) == 0 && cancelled.getAsBoolean()) {
        return null;
      }
      int from = b * BASE;
      int to = Math.min(samples.length, from + BASE);
      float lo = Float.POSITIVE_INFINITY;
      float hi = Float.NEGATIVE_INFINITY;
      double sq = 0;
      for (int i = from; i < to; i++) {
        float v = samples[i];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
        sq += v * v;
      }
      min[0][b] = lo;
      max[0][b] = hi;
      ms[0][b] = (float) (sq / (to - from));
    }
    for (int level = 1; level < levels; level++) {
      float[] pMin = min[level - 1];
      float[] pMax = max[level - 1];
      float[] pMs = ms[level - 1];
      int n = (pMin.length + FANOUT - 1) / FANOUT;
      min[level] = new float[n];
      max[level] = new float[n];
      ms[level] = new float[n];
      for (int b = 0; b < n; b++) {
        int from = b * FANOUT;
        int to = Math.min(pMin.length, from + FANOUT);
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        double sq = 0;
        for (int i = from; i < to; i++) {
          lo = Math.min(lo, pMin[i]);
          hi = Math.max(hi, pMax[i]);
          sq += pMs[i];
        }
        min[level][b] = lo;
        max[level][b] = hi;
        ms[level][b] = (float) (sq / (to - from));
      }
    }
    return new PeakPyramid(samples, min, max, ms);
  }

  /** The largest absolute sample value. */
  public float peak() {
    int top = min.length - 1;
    float p = 0;
    for (int b = 0; b < min[top].length; b++) {
      p = Math.max(p, Math.max(-min[top][b], max[top][b]));
    }
    return p;
  }

  public int levels() {
    return min.length;
  }

  public int length() {
    return samples.length;
  }

  /**
   * Fills one min/max/RMS triple per pixel column for the columns starting at sample {@code
   * firstSample}, {@code samplesPerColumn} samples apart. Columns past the signal get NaN.
   */
  public void columns(
      double firstSample, double samplesPerColumn, float[] outMin, float[] outMax, float[] outRms) {
    int columns = outMin.length;
    int level = -1;
    long bucket = BASE;
    while (level + 1 < min.length && bucket <= samplesPerColumn) {
      level++;
      bucket *= FANOUT;
    }
    long size = level < 0 ? 1 : bucket / FANOUT;
    for (int c = 0; c < columns; c++) {
      double s0 = firstSample + c * samplesPerColumn;
      double s1 = s0 + samplesPerColumn;
      long from = (long) Math.floor(s0);
      long to = Math.max(from + 1, (long) Math.ceil(s1));
      if (to <= 0 || from >= samples.length) {
        outMin[c] = Float.NaN;
        outMax[c] = Float.NaN;
        outRms[c] = Float.NaN;
        continue;
      }
      from = Math.max(0, from);
      to = Math.min(samples.length, to);
      if (level < 0) {
        fromSamples((int) from, (int) to, c, outMin, outMax, outRms);
      } else {
        int b0 = (int) (from / size);
        int b1 = (int) Math.max(b0 + 1, (to + size - 1) / size);
        fromBuckets(level, b0, Math.min(b1, min[level].length), c, outMin, outMax, outRms);
      }
    }
  }

  private void fromSamples(int from, int to, int c, float[] oMin, float[] oMax, float[] oRms) {
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    double sq = 0;
    for (int i = from; i < to; i++) {
      float v = samples[i];
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      sq += v * v;
    }
    oMin[c] = lo;
    oMax[c] = hi;
    oRms[c] = (float) Math.sqrt(sq / (to - from));
  }

  private void fromBuckets(
      int level, int b0, int b1, int c, float[] oMin, float[] oMax, float[] oRms) {
    float[] lMin = min[level];
    float[] lMax = max[level];
    float[] lMs = meanSquare[level];
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    double sq = 0;
    for (int b = b0; b < b1; b++) {
      lo = Math.min(lo, lMin[b]);
      hi = Math.max(hi, lMax[b]);
      sq += lMs[b];
    }
    oMin[c] = lo;
    oMax[c] = hi;
    oRms[c] = (float) Math.sqrt(sq / (b1 - b0));
  }
}
