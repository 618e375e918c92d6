package org.tsestudio.engine.inference;

/**
 * Gives the estimate the level the target has in the mixture. The models are trained with a
 * scale-invariant loss, so their output level is arbitrary; the least-squares gain that best fits
 * the estimate to the mixture is the target's share of it (what the other talkers add is roughly
 * orthogonal to the target). The gain is then lowered, never raised, so no sample clips.
 */
final class LevelMatch {

  /** The loudest sample allowed after scaling (a little headroom below full scale). */
  static final double PEAK_LIMIT = 0.99;

  private LevelMatch() {}

  /**
   * The gain to apply to {@code estimate}, which has the same length and rate as {@code mixture}.
   */
  static double gain(float[] estimate, float[] mixture) {
    double cross = 0;
    double energy = 0;
    double peak = 0;
    for (int i = 0; i < estimate.length; i++) {
      cross += (double) estimate[i] * mixture[i];
      energy += (double) estimate[i] * estimate[i];
      peak = Math.max(peak, Math.abs(estimate[i]));
    }
    if (energy == 0 || peak == 0) {
      return 0; // the model heard nothing of the target: silence stays silence
    }
    // A negative fit means the estimate is mostly not in the mixture at all; keep its polarity and
    // use the size of the fit rather than flipping the waveform.
    double gain = Math.abs(cross) / energy;
    return Math.min(gain, PEAK_LIMIT / peak);
  }

  /** Scales in place. */
  static void apply(float[] samples, double gain) {
    for (int i = 0; i < samples.length; i++) {
      samples[i] = (float) (samples[i] * gain);
    }
  }
}
