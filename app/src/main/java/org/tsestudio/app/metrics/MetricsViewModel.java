package org.tsestudio.app.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.Errors;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * SI-SDRi, SDRi and STOI of every output side by side, whenever the current item's ground truth is
 * known. Recomputed in the background when outputs arrive; hidden during blind listening.
 */
public final class MetricsViewModel {
  private final Session session;
  private final TaskExecutor tasks;
  private final List<String> modelOrder;
  private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();
  private final ObservableList<String> models = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper groundTruthKnown = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper();
  private final BooleanProperty hidden = new SimpleBooleanProperty(this, "hidden");
  private final InvalidationListener recompute = o -> recompute();
  private final MapChangeListener<String, Clip> outputsChanged = c -> recompute();
  private StudioItem watched;
  private long generation;

  public MetricsViewModel(Session session, TaskExecutor tasks, List<String> modelOrder) {
    this.session = session;
    this.tasks = tasks;
    this.modelOrder = List.copyOf(modelOrder);
    session.currentProperty().addListener((o, a, item) -> watch(item));
    hidden.addListener(o -> updateNoteForHidden());
    watch(session.current());
  }

  private void watch(StudioItem item) {
    if (watched != null) {
      watched.targetProperty().removeListener(recompute);
      watched.mixtureProperty().removeListener(recompute);
      watched.outputs().removeListener(outputsChanged);
    }
    watched = item;
    if (item != null) {
      item.targetProperty().addListener(recompute);
      item.mixtureProperty().addListener(recompute);
      item.outputs().addListener(outputsChanged);
    }
    recompute();
  }

  private void recompute() {
    long gen = ++generation;
    StudioItem item = watched;
    Clip target = item == null ? null : item.targetProperty().get();
    Clip mixture = item == null ? null : item.mixtureProperty().get();
    groundTruthKnown.set(target != null);
    rows.clear();
    models.clear();
    if (target == null || mixture == null) {
      note.set(
          item != null && item.targetPath() != null
              ? "Loading the ground truth…"
              : "Metrics need the ground truth: open an example.json or a dataset manifest row.");
      return;
    }
    Map<String, AudioSignal> outputs = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(item.outputs().keySet());
    names.sort(Comparator.comparingInt(this::orderOf).thenComparing(n -> n));
    for (String n : names) {
      outputs.put(n, item.outputs().get(n).signal());
    }
    computing.set(true);
    note.set(outputs.isEmpty() ? "Ground truth known; no outputs to score yet." : "Scoring…");
    tasks.execute(
        BackgroundTask.of(
                "Scoring",
                p ->
                    new Scores(
                        MetricsCalculator.compute(target.signal(), mixture.signal(), outputs),
                        MetricsCalculator.mixtureSiSdr(target.signal(), mixture.signal())))
            .onSuccess(
                scores -> {
                  if (gen == generation) {
                    computing.set(false);
                    models.setAll(names);
                    rows.setAll(outputs.isEmpty() ? List.of() : scores.rows());
                    note.set(
                        String.format(
                            Locale.ROOT,
                            "Mixture SI-SDR %.2f dB against the ground truth%s",
                            scores.mixtureSiSdr(),
                            outputs.isEmpty() ? "; no outputs to score yet." : "."));
                    updateNoteForHidden();
                  }
                })
            .onFailure(
                e -> {
                  if (gen == generation) {
                    computing.set(false);
                    note.set("Cannot score: " + Errors.userMessage(e));
                  }
                }));
  }

  private record Scores(List<MetricRow> rows, double mixtureSiSdr) {}

  private void updateNoteForHidden() {
    if (hidden.get() && !rows.isEmpty()) {
      note.set("Hidden during blind listening.");
    } else if (!hidden.get() && note.get().startsWith("Hidden")) {
      recompute();
    }
  }

  private int orderOf(String model) {
    int i = modelOrder.indexOf(model);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  public ObservableList<MetricRow> rows() {
    return rows;
  }

  public ObservableList<String> models() {
    return models;
  }

  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty groundTruthKnownProperty() {
    return groundTruthKnown.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty computingProperty() {
    return computing.getReadOnlyProperty();
  }

  /** True while blind listening: the view shows no numbers. */
  public BooleanProperty hiddenProperty() {
    return hidden;
  }
}
