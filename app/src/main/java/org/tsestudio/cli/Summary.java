package org.tsestudio.cli;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Mean, median and 5th percentile of one metric over a test set (the 5th percentile is the bad tail
 * users notice). Percentiles interpolate linearly between order statistics, as numpy does.
 */
record Summary(double mean, double median, double p5) {

  static <T> Summary of(List<T> items, ToDoubleFunction<T> metric) {
    double[] values = items.stream().mapToDouble(metric).sorted().toArray();
    return new Summary(
        Arrays.stream(values).average().orElse(Double.NaN),
        percentile(values, 50),
        percentile(values, 5));
  }

  /** Percentile {@code q} (0-100) of sorted values. */
  static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q / 100 * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(sorted.length - 1, below + 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
