package org.tsestudio.app.spectrogram;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tsestudio.engine.dsp.MelSpectrogram;
import org.tsestudio.engine.dsp.Spectrogram;
import org.tsestudio.engine.dsp.Stft;
import org.tsestudio.engine.dsp.Window;

/**
 * Computes spectrogram tiles of one signal at any zoom level. Level {@code L} has a frame every
 * {@code baseHop * 2^L} samples; a tile is {@link #TILE_FRAMES} such frames. Coarse levels average
 * the power of several sub-frames inside each frame, so a zoomed-out view shows what happens
 * between frame centres instead of aliasing it away, while a tile still costs at most a few
 * thousand FFTs. Thread-safe: tiles of one analysis may be computed in parallel.
 */
public final class SpectrogramAnalysis {
  public static final int TILE_FRAMES = 256;

  /** Shown range below the loudest frame seen when calibrating. */
  public static final double RANGE_DB = 80;

  private static final int MAX_SUB_FRAMES = 8;

  private final float[] samples;
  private final int sampleRate;
  private final FrequencyScale scale;
  private final int fftSize;
  private final int baseHop;
  private final int rows;
  private final int levels;
  private final Map<Integer, Object> analysers = new ConcurrentHashMap<>();
  private volatile double topDb = Double.NaN;

  public SpectrogramAnalysis(float[] samples, int sampleRate, FrequencyScale scale) {
    this.samples = samples;
    this.sampleRate = sampleRate;
    this.scale = scale;
    // About 32 ms windows: the usual speech compromise between time and pitch resolution.
    this.fftSize = Math.max(128, Integer.highestOneBit((int) (sampleRate * 0.032) * 2 - 1));
    this.baseHop = fftSize / 4;
    this.rows = scale == FrequencyScale.MEL ? (sampleRate >= 16000 ? 128 : 80) : fftSize / 2 + 1;
    int l = 1;
    while ((long) baseHop << l < Math.max(1, samples.length) / 64) {
      l++;
    }
    this.levels = l;
  }

  public int fftSize() {
    return fftSize;
  }

  public int rows() {
    return rows;
  }

  public int levels() {
    return levels;
  }

  public int sampleRate() {
    return sampleRate;
  }

  public FrequencyScale scale() {
    return scale;
  }

  /** Samples between frame centres at {@code level}. */
  public int hop(int level) {
    return baseHop << level;
  }

  /** The coarsest level whose frames are no wider than {@code samplesPerPixel} (at least 0). */
  public int levelFor(double samplesPerPixel) {
    int level = 0;
    while (level + 1 < levels && hop(level + 1) <= samplesPerPixel) {
      level++;
    }
    return level;
  }

  public int frameCount(int level) {
    return samples.length == 0 ? 0 : (samples.length - 1) / hop(level) + 1;
  }

  public int tileCount(int level) {
    return (frameCount(level) + TILE_FRAMES - 1) / TILE_FRAMES;
  }

  /**
   * The loudest level in dB over frames spread across the signal; the colour scale runs from {@code
   * topDb - RANGE_DB} to it. Computed once, on first use.
   */
  public double topDb() {
    double t = topDb;
    if (Double.isNaN(t)) {
      t = calibrate();
      topDb = t;
    }
    return t;
  }

  private double calibrate() {
    int level = 0;
    int frames = frameCount(level);
    double top = -100;
    int probes = Math.min(frames, 96);
    for (int p = 0; p < probes; p++) {
      int first = (int) ((long) p * frames / probes);
      float[][] rowsDb = compute(level, first, Math.min(8, frames - first), 1);
      for (float[] r : rowsDb) {
        for (float v : r) {
          top = Math.max(top, v);
        }
      }
    }
    return top;
  }

  /**
   * The tile as rows of dB values, {@code [frame][row]}, row 0 the lowest frequency; frames past
   * the signal are absent (the array is shorter).
   */
  public float[][] tile(int level, int index) {
    int first = index * TILE_FRAMES;
    int count = Math.max(0, Math.min(TILE_FRAMES, frameCount(level) - first));
    // At most half a window apart: the engine's STFT needs overlapping windows.
    int subHop = Math.max(baseHop, Math.min(fftSize / 2, hop(level) / MAX_SUB_FRAMES));
    int subs = Math.max(1, hop(level) / subHop);
    return compute(level, first, count, subs);
  }

  /** Frames {@code [first, first+count)} of a level, each the mean power of {@code subs} frames. */
  private float[][] compute(int level, int first, int count, int subs) {
    float[][] out = new float[count][];
    if (count == 0) {
      return out;
    }
    int subHop = hop(level) / subs;
    float[][] sub = analyse(subHop, first * subs - subs / 2, count * subs);
    for (int f = 0; f < count; f++) {
      float[] acc = new float[rows];
      for (int s = 0; s < subs; s++) {
        float[] r = sub[f * subs + s];
        for (int k = 0; k < rows; k++) {
          acc[k] += (float) Math.pow(10, r[k] / 10);
        }
      }
      for (int k = 0; k < rows; k++) {
        acc[k] = (float) (10 * Math.log10(Math.max(acc[k] / subs, 1e-10)));
      }
      out[f] = acc;
    }
    return out;
  }

  private Object newAnalyser(int hop) {
    return scale == FrequencyScale.MEL
        ? MelSpectrogram.standard(sampleRate, fftSize, hop, rows)
        : new Spectrogram(new Stft(fftSize, hop, Window.HANN), Spectrogram.Scale.DECIBELS);
  }

  /**
   * dB rows of {@code count} frames at {@code hop}, starting at frame {@code first} (may be <0).
   */
  private float[][] analyse(int hop, int first, int count) {
    Object analyser = analysers.computeIfAbsent(hop, this::newAnalyser);
    Stft stft = analyser instanceof MelSpectrogram m ? m.stft() : ((Spectrogram) analyser).stft();
    int total = stft.frameCount(samples.length);
    float[][] result = new float[count][];
    int from = Math.max(0, first);
    int to = Math.min(total, first + count);
    if (to > from) {
      float[][] part =
          analyser instanceof MelSpectrogram m
              ? m.compute(samples, from, to - from)
              : ((Spectrogram) analyser).compute(samples, from, to - from);
      System.arraycopy(part, 0, result, from - first, part.length);
    }
    float[] silence = new float[rows];
    java.util.Arrays.fill(silence, -100f);
    for (int i = 0; i < count; i++) {
      if (result[i] == null) {
        result[i] = silence;
      }
    }
    return result;
  }
}
