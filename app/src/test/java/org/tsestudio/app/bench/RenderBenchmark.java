package org.tsestudio.app.bench;

import java.nio.file.Path;
import java.util.Locale;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.spectrogram.SpectrogramAnalysis;
import org.tsestudio.app.waveform.PeakPyramid;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * Figures behind "a 10-minute file stays smooth": what the background does once (pyramid), what the
 * UI thread does per frame (column queries for a full-width lane), and what one spectrogram tile
 * costs at each zoom level. Run: {@code java -cp <test classpath> ...RenderBenchmark file.wav}.
 */
public final class RenderBenchmark {
  private RenderBenchmark() {}

  public static void main(String[] args) throws Exception {
    AudioSignal s = AudioFiles.readMono(Path.of(args[0]));
    float[] x = s.samples();
    int rate = s.sampleRate();
    System.out.printf(Locale.ROOT, "signal: %.1f s at %d Hz%n", s.durationSeconds(), rate);
    PeakPyramid p = null;
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long t0 = System.nanoTime();
      p = PeakPyramid.build(x, () -> false);
      best = Math.min(best, System.nanoTime() - t0);
    }
    System.out.printf(
        Locale.ROOT,
        "peak pyramid build (background, once): %.1f ms, %d levels%n",
        best / 1e6,
        p.levels());
    int width = 1400;
    float[] mn = new float[width];
    float[] mx = new float[width];
    float[] rms = new float[width];
    for (double span : new double[] {s.durationSeconds(), 60, 5, 0.5}) {
      double spp = span * rate / width;
      long t0 = System.nanoTime();
      int frames = 200;
      for (int f = 0; f < frames; f++) {
        p.columns((f * 0.37 % 1) * (x.length - span * rate), spp, mn, mx, rms);
      }
      System.out.printf(
          Locale.ROOT,
          "waveform columns for %d px, span %6.1f s: %.3f ms per frame (UI thread)%n",
          width,
          span,
          (System.nanoTime() - t0) / 1e6 / frames);
    }
    for (FrequencyScale scale : FrequencyScale.values()) {
      SpectrogramAnalysis a = new SpectrogramAnalysis(x, rate, scale);
      a.topDb();
      for (double span : new double[] {s.durationSeconds(), 60, 5}) {
        int level = a.levelFor(span * rate / width);
        int tiles = (int) Math.ceil(span * rate / a.hop(level) / SpectrogramAnalysis.TILE_FRAMES);
        long t0 = System.nanoTime();
        int n = Math.min(4, a.tileCount(level));
        for (int t = 0; t < n; t++) {
          a.tile(level, t);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf(
            Locale.ROOT,
            "%-7s spectrogram, span %6.1f s: level %d, %.1f ms per tile, %d tiles fill the view"
                + " (%.0f ms on one background thread)%n",
            scale,
            span,
            level,
            ms,
            tiles,
            ms * tiles);
      }
    }
  }
}
