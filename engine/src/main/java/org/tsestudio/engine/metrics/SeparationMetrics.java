package org.tsestudio.engine.metrics;

/**
 * Signal-level separation metrics in dB, computed in double precision.
 *
 * <h2>SI-SDR (scale-invariant signal-to-distortion ratio)</h2>
 *
 * Le Roux, Wisdom, Erdogan and Hershey, "SDR - half-baked or well done?", ICASSP 2019. Both signals
 * are first made zero-mean (the paper assumes zero-mean signals; Asteroid, SpeechBrain and the
 * Python side's {@code tsestudio.losses.si_sdr} do the same). With {@code alpha = <e, s> / <s, s>}:
 * {@code SI-SDR = 10 log10(|alpha s|^2 / |e - alpha s|^2)}. It ignores the estimate's gain, so a
 * model whose output is too quiet or too loud is not penalised; the app level-matches its output
 * anyway.
 *
 * <h2>SDR (plain)</h2>
 *
 * {@code SDR = 10 log10(|s|^2 / |s - e|^2)}, no mean removal, no scaling: the ratio of reference
 * energy to the energy of everything that differs from it, gain errors included (the "new SDR" of
 * the Music Demixing Challenge 2021, and {@code tsestudio.losses.sdr}). It is <em>not</em>
 * BSS-eval's SDR (Vincent, Gribonval and Fevotte 2006; {@code mir_eval}, {@code museval}): BSS-eval
 * first lets a 512-tap FIR filter of the reference (and, in {@code bss_eval_sources}, of the other
 * references and a best source permutation) absorb whatever it can before measuring the rest as
 * distortion, so a filtered or delayed but otherwise perfect estimate scores high there and low
 * here; BSS-eval values are therefore higher than this SDR, and the two must not be compared. For a
 * mixture {@code s + n}, this SDR is exactly the signal-to-noise ratio {@code |s|^2 / |n|^2}.
 *
 * <h2>Improvements and limits</h2>
 *
 * {@code ...Improvement(e, s, m) = metric(e, s) - metric(m, s)}: how much better the estimate is
 * than doing nothing (returning the mixture). Results are clamped to {@code [-MAX_DB, MAX_DB]}:
 * identical signals would give +infinity (the residual is exactly zero), and an estimate with
 * nothing of the reference in it (for SI-SDR: orthogonal to it, or silent) would give -infinity.
 * Beyond 100 dB the residual is far below 16-bit quantisation noise, so the exact figure carries no
 * meaning, while the cap keeps averages over a test set finite. A silent (or, for SI-SDR, constant)
 * reference makes the ratios undefined and is rejected.
 */
public final class SeparationMetrics {
  /** Magnitude cap of every returned value, in dB. */
  public static final double MAX_DB = 100.0;

  private SeparationMetrics() {}

  /** Scale-invariant SDR of {@code estimate} against {@code reference}, in dB. */
  public static double siSdr(float[] estimate, float[] reference) {
    checkLengths(estimate, reference, "estimate");
    double meanE = mean(estimate);
    double meanR = mean(reference);
    double dot = 0;
    double refEnergy = 0;
    for (int i = 0; i < reference.length; i++) {
      double r = reference[i] - meanR;
      dot += (estimate[i] - meanE) * r;
      refEnergy += r * r;
    }
    if (refEnergy == 0) {
      throw new IllegalArgumentException("reference is silent or constant: SI-SDR is undefined");
    }
    double alpha = dot / refEnergy;
    // Residual summed directly (not as |e|^2 - <e,s>^2/|s|^2) so identical signals give exactly 0
    // instead of a rounding-error remainder.
    double noiseEnergy = 0;
    for (int i = 0; i < reference.length; i++) {
      double n = (estimate[i] - meanE) - alpha * (reference[i] - meanR);
      noiseEnergy += n * n;
    }
    return clampedRatioDb(alpha * alpha * refEnergy, noiseEnergy);
  }

  /** {@code siSdr(estimate, reference) - siSdr(mixture, reference)}, in dB. */
  public static double siSdrImprovement(float[] estimate, float[] reference, float[] mixture) {
    checkLengths(mixture, reference, "mixture");
    return siSdr(estimate, reference) - siSdr(mixture, reference);
  }

  /** Plain SDR {@code 10 log10(|s|^2 / |s - e|^2)} of {@code estimate} e against s, in dB. */
  public static double sdr(float[] estimate, float[] reference) {
    checkLengths(estimate, reference, "estimate");
    double refEnergy = 0;
    double errorEnergy = 0;
    for (int i = 0; i < reference.length; i++) {
      double s = reference[i];
      double d = s - estimate[i];
      refEnergy += s * s;
      errorEnergy += d * d;
    }
    if (refEnergy == 0) {
      throw new IllegalArgumentException("reference is silent: SDR is undefined");
    }
    return clampedRatioDb(refEnergy, errorEnergy);
  }

  /** {@code sdr(estimate, reference) - sdr(mixture, reference)}, in dB. */
  public static double sdrImprovement(float[] estimate, float[] reference, float[] mixture) {
    checkLengths(mixture, reference, "mixture");
    return sdr(estimate, reference) - sdr(mixture, reference);
  }

  /** {@code 10 log10(num / den)} clamped to [-MAX_DB, MAX_DB], defined for zero num or den. */
  static double clampedRatioDb(double numerator, double denominator) {
    if (denominator == 0) {
      return numerator == 0 ? -MAX_DB : MAX_DB;
    }
    if (numerator == 0) {
      return -MAX_DB;
    }
    double db = 10.0 * Math.log10(numerator / denominator);
    return Math.max(-MAX_DB, Math.min(MAX_DB, db));
  }

  private static double mean(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v;
    }
    return sum / x.length;
  }

  private static void checkLengths(float[] other, float[] reference, String otherName) {
    if (reference.length == 0) {
      throw new IllegalArgumentException("reference is empty");
    }
    if (other.length != reference.length) {
      throw new IllegalArgumentException(
          otherName
              + " and reference differ in length: "
              + other.length
              + " vs "
              + reference.length
              + " samples");
    }
  }
}
