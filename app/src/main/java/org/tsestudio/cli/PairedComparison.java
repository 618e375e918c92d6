package org.tsestudio.cli;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How much a candidate model beats a baseline on the same items: the mean and median of the
 * per-item differences, a 95% paired bootstrap interval of the mean, and the share of items the
 * candidate does better on. Pairing matters: two models' means on one set differ by less than their
 * spreads, but their per-item differences are much tighter.
 */
record PairedComparison(
    int items, double meanDiff, double low, double high, double medianDiff, double betterShare) {

  static final int RESAMPLES = 10_000;

  /** The bootstrap is seeded, so a report is reproducible to the last digit. */
  static PairedComparison of(double[] baseline, double[] candidate, long seed) {
    if (baseline.length != candidate.length || baseline.length == 0) {
      throw new IllegalArgumentException("paired comparison needs two equal, non-empty samples");
    }
    int n = baseline.length;
    double[] diffs = new double[n];
    int better = 0;
    for (int i = 0; i < n; i++) {
      diffs[i] = candidate[i] - baseline[i];
      better += diffs[i] > 0 ? 1 : 0;
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += diffs[random.nextInt(n)];
      }
      means[r] = sum / n;
    }
    Arrays.sort(means);
    double[] sorted = diffs.clone();
    Arrays.sort(sorted);
    return new PairedComparison(
        n,
        Arrays.stream(diffs).average().orElseThrow(),
        Summary.percentile(means, 2.5),
        Summary.percentile(means, 97.5),
        Summary.percentile(sorted, 50),
        better / (double) n);
  }
}
