package org.tsestudio.app.playback;

import java.util.ArrayList;
import java.util.List;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;

/**
 * The sources of one A/B session brought to a common footing: every source at the mixture's rate
 * (outputs of an 8 kHz model are resampled), and a gain per source that matches their gated
 * loudness when asked to.
 *
 * @param names source names in renderer order: "mixture", then the model names
 * @param sources the samples at {@code sampleRate}
 * @param loudnessDb gated loudness of each source before gain
 * @param gains linear gain per source (1 when not matching)
 */
public record AbMaterial(
    List<String> names, float[][] sources, double[] loudnessDb, float[] gains, int sampleRate) {

  /**
   * Prepares the material; heavy (resampling, loudness), so it runs in the background.
   *
   * @param outputs model name to its output, in A/B order; missing outputs are left out
   */
  public static AbMaterial prepare(
      AudioSignal mixture, List<String> models, List<AudioSignal> outputs, boolean matchLoudness) {
    int rate = mixture.sampleRate();
    List<String> names = new ArrayList<>();
    List<float[]> sources = new ArrayList<>();
    names.add("mixture");
    sources.add(mixture.samples());
    for (int i = 0; i < models.size(); i++) {
      AudioSignal out = outputs.get(i);
      if (out != null) {
        names.add(models.get(i));
        sources.add(
            out.sampleRate() == rate
                ? out.samples()
                : Resampler.resample(out.samples(), out.sampleRate(), rate));
      }
    }
    double[] loudness = new double[sources.size()];
    for (int i = 0; i < loudness.length; i++) {
      loudness[i] = Loudness.gatedDb(sources.get(i), rate);
    }
    float[] gains = matchLoudness ? Loudness.matchingGains(loudness) : ones(loudness.length);
    return new AbMaterial(
        List.copyOf(names), sources.toArray(new float[0][]), loudness, gains, rate);
  }

  /** Material with one source only (e.g. the reference). */
  public static AbMaterial single(String name, AudioSignal signal) {
    return new AbMaterial(
        List.of(name),
        new float[][] {signal.samples()},
        new double[] {Loudness.gatedDb(signal.samples(), signal.sampleRate())},
        new float[] {1f},
        signal.sampleRate());
  }

  private static float[] ones(int n) {
    float[] g = new float[n];
    java.util.Arrays.fill(g, 1f);
    return g;
  }

  public int indexOf(String name) {
    return names.indexOf(name);
  }

  /** A renderer over this material with ~10 ms cross-fades. */
  public AbRenderer renderer() {
    return new AbRenderer(sources, gains, Math.max(16, sampleRate / 100));
  }

  /** "Loudness: mixture -21.8 dBFS (-2.9 dB) · v7 ..." for the listening panel. */
  public String describeLoudness() {
    StringBuilder s = new StringBuilder("Loudness: ");
    for (int i = 0; i < names.size(); i++) {
      double db = 20 * Math.log10(gains[i]);
      s.append(i > 0 ? " · " : "")
          .append(names.get(i))
          .append(String.format(java.util.Locale.ROOT, " %.1f dBFS (%+.1f dB)", loudnessDb[i], db));
    }
    return s.toString();
  }
}
