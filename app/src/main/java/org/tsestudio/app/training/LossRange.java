package org.tsestudio.app.training;

import java.util.List;

/** The loss axis range that leaves out the early training spike (see {@link CurvesChart}). */
final class LossRange {
  private static final double SKIP = 0.1;
  private static final double MARGIN = 0.08;

  private LossRange() {}

  /**
   * {@code {low, high}} from the lowest point to the highest after the first tenth of the step
   * span, with a margin; null when there are too few points to tell, or when the early points fit
   * anyway (auto range then).
   */
  static double[] of(List<CurvePoint> points) {
    if (points.size() < 10) {
      return null;
    }
    long first = points.get(0).step();
    long last = points.get(points.size() - 1).step();
    long from = first + Math.round((last - first) * SKIP);
    double low = Double.POSITIVE_INFINITY;
    double high = Double.NEGATIVE_INFINITY;
    double allHigh = Double.NEGATIVE_INFINITY;
    for (CurvePoint p : points) {
      allHigh = Math.max(allHigh, p.value());
      low = Math.min(low, p.value());
      if (p.step() >= from) {
        high = Math.max(high, p.value());
      }
    }
    double span = Math.max(high - low, 1e-6);
    // Only worth it when the early points would take more than half of the axis.
    if (allHigh - high < span) {
      return null;
    }
    return new double[] {low - MARGIN * span, high + MARGIN * span};
  }
}
