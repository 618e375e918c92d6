package org.tsestudio.app.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.metrics.SeparationMetrics;
import org.tsestudio.engine.metrics.Stoi;

/**
 * Scores outputs against the ground truth with the engine's metrics: SI-SDRi and SDRi (over the
 * mixture) and STOI. Everything is compared at the ground truth's rate, over the common length.
 */
public final class MetricsCalculator {
  private MetricsCalculator() {}

  /**
   * @param outputs model name to output, in display order
   */
  public static List<MetricRow> compute(
      AudioSignal target, AudioSignal mixture, Map<String, AudioSignal> outputs)
      throws TseException {
    int rate = target.sampleRate();
    float[] mix = at(mixture, rate);
    Map<String, Double> siSdri = new LinkedHashMap<>();
    Map<String, Double> sdri = new LinkedHashMap<>();
    Map<String, Double> stoi = new LinkedHashMap<>();
    Map<String, Double> siSdr = new LinkedHashMap<>();
    for (var e : outputs.entrySet()) {
      float[] est = at(e.getValue(), rate);
      int n = Math.min(Math.min(est.length, mix.length), target.samples().length);
      if (n < rate / 10) {
        throw new TseException(e.getKey() + " output: too short to score (" + n + " samples)");
      }
      float[] t = java.util.Arrays.copyOf(target.samples(), n);
      float[] x = java.util.Arrays.copyOf(est, n);
      float[] m = java.util.Arrays.copyOf(mix, n);
      siSdri.put(e.getKey(), SeparationMetrics.siSdrImprovement(x, t, m));
      sdri.put(e.getKey(), SeparationMetrics.sdrImprovement(x, t, m));
      siSdr.put(e.getKey(), SeparationMetrics.siSdr(x, t));
      stoi.put(e.getKey(), Stoi.stoi(t, x, rate));
    }
    List<MetricRow> rows = new ArrayList<>();
    rows.add(new MetricRow("SI-SDRi", "dB", siSdri, true));
    rows.add(new MetricRow("SDRi", "dB", sdri, true));
    rows.add(new MetricRow("STOI", "", stoi, true));
    rows.add(new MetricRow("SI-SDR", "dB", siSdr, true));
    return rows;
  }

  /** SI-SDR of the mixture itself: the starting point the improvements are measured from. */
  public static double mixtureSiSdr(AudioSignal target, AudioSignal mixture) {
    float[] mix = at(mixture, target.sampleRate());
    int n = Math.min(mix.length, target.samples().length);
    return SeparationMetrics.siSdr(
        java.util.Arrays.copyOf(mix, n), java.util.Arrays.copyOf(target.samples(), n));
  }

  private static float[] at(AudioSignal s, int rate) {
    return s.sampleRate() == rate
        ? s.samples()
        : Resampler.resample(s.samples(), s.sampleRate(), rate);
  }
}
