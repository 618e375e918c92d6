package org.tsestudio.cli;

import java.util.Arrays;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.metrics.SeparationMetrics;
import org.tsestudio.engine.metrics.Stoi;

/**
 * The metrics of one extracted item. The wrong-speaker flag follows {@code tsestudio.evaluate}: the
 * estimate is closer (by SI-SDR) to one of the interferers, as heard in the mixture, than to the
 * target, i.e. the model extracted somebody else. {@code group} is the manifest item's target kind
 * ({@link MixtureManifest.Item#group()}) and {@code speaker} its target speaker, each null when
 * unknown.
 */
record ItemScore(
    String id,
    String group,
    String speaker,
    double siSdr,
    double siSdri,
    double sdr,
    double sdri,
    double stoi,
    double estoi,
    double interfererSiSdr,
    boolean wrongSpeaker) {

  /** Scores an estimate; all signals at {@code rate}, cut to the shortest length. */
  static ItemScore of(
      String where,
      String id,
      String group,
      String speaker,
      float[] estimate,
      float[] mixture,
      float[] target,
      float[][] interferers,
      int rate)
      throws TseException {
    int n = Math.min(estimate.length, Math.min(mixture.length, target.length));
    float[] est = Arrays.copyOf(estimate, n);
    float[] mix = Arrays.copyOf(mixture, n);
    float[] tgt = Arrays.copyOf(target, n);
    try {
      double siSdr = SeparationMetrics.siSdr(est, tgt);
      double closest = Double.NEGATIVE_INFINITY;
      for (float[] interferer : interferers) {
        closest = Math.max(closest, SeparationMetrics.siSdr(est, fit(interferer, n)));
      }
      return new ItemScore(
          id,
          group,
          speaker,
          siSdr,
          siSdr - SeparationMetrics.siSdr(mix, tgt),
          SeparationMetrics.sdr(est, tgt),
          SeparationMetrics.sdrImprovement(est, tgt, mix),
          Stoi.stoi(tgt, est, rate),
          Stoi.estoi(tgt, est, rate),
          closest,
          closest > siSdr);
    } catch (IllegalArgumentException e) {
      throw new TseException(where + " (" + id + "): cannot score: " + e.getMessage());
    }
  }

  private static float[] fit(float[] x, int n) {
    return x.length == n ? x : Arrays.copyOf(x, n);
  }
}
