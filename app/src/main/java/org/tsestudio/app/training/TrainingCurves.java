package org.tsestudio.app.training;

import java.util.List;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.training.JobEvent;

/**
 * The three curves the training panel plots against the step: the training loss, the validation
 * SI-SDRi on synthetic mixtures, and on recorded (real) speech. Each curve is kept sorted by step
 * with at most one point a step, so a run's history read from disk and its live events can be
 * merged in any order.
 */
public final class TrainingCurves {
  /** The trainer's metric names (training/python/tsestudio/training/trainer.py). */
  public static final String LOSS = "loss";

  public static final String VALID = "val_si_sdri";
  public static final String REAL_VALID = "val_real_si_sdri";

  private final ObservableList<CurvePoint> loss = FXCollections.observableArrayList();
  private final ObservableList<CurvePoint> valid = FXCollections.observableArrayList();
  private final ObservableList<CurvePoint> realValid = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");

  /** Empties the curves for another source (a job or a metrics log). */
  public void clear(String newTitle) {
    loss.clear();
    valid.clear();
    realValid.clear();
    title.set(newTitle);
  }

  /** Adds what a metric event holds; events without these metrics are ignored. */
  public void add(JobEvent.Metric metric) {
    if (metric.step() < 0) {
      return;
    }
    String phase = metric.phase();
    Double l = metric.values().get(LOSS);
    if (l != null && (phase.isEmpty() || phase.equals("train"))) {
      put(loss, metric.step(), l);
    }
    Double v = metric.values().get(VALID);
    if (v != null) {
      put(valid, metric.step(), v);
    }
    Double r = metric.values().get(REAL_VALID);
    if (r != null) {
      put(realValid, metric.step(), r);
    }
  }

  public void addAll(List<? extends JobEvent> events) {
    for (JobEvent e : events) {
      if (e instanceof JobEvent.Metric m) {
        add(m);
      }
    }
  }

  private static void put(ObservableList<CurvePoint> curve, long step, double value) {
    if (!Double.isFinite(value)) {
      return; // a diverged step would flatten the whole plot
    }
    CurvePoint point = new CurvePoint(step, value);
    int n = curve.size();
    if (n == 0 || curve.get(n - 1).step() < step) {
      curve.add(point); // the usual case: live events arrive in order
      return;
    }
    int lo = 0;
    int hi = n - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long s = curve.get(mid).step();
      if (s == step) {
        curve.set(mid, point);
        return;
      } else if (s < step) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    curve.add(lo, point);
  }

  public ObservableList<CurvePoint> loss() {
    return loss;
  }

  public ObservableList<CurvePoint> valid() {
    return valid;
  }

  public ObservableList<CurvePoint> realValid() {
    return realValid;
  }

  /** What the curves show, e.g. the job's title or the log file. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public boolean isEmpty() {
    return loss.isEmpty() && valid.isEmpty() && realValid.isEmpty();
  }
}
