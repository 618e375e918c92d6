package org.tsestudio.app.metrics;

import java.util.Map;

/**
 * One line of the metrics table.
 *
 * @param metric e.g. "SI-SDRi"
 * @param unit "dB" or "" (STOI)
 * @param values model name to value; a model without output is absent
 * @param higherIsBetter all of ours are, kept explicit for the highlighting
 */
public record MetricRow(
    String metric, String unit, Map<String, Double> values, boolean higherIsBetter) {

  /** The model with the best value, or null when fewer than two values. */
  public String best() {
    if (values.size() < 2) {
      return null;
    }
    String best = null;
    double bestValue = 0;
    for (var e : values.entrySet()) {
      double v = e.getValue();
      if (best == null || (higherIsBetter ? v > bestValue : v < bestValue)) {
        best = e.getKey();
        bestValue = v;
      }
    }
    return best;
  }
}
