package org.tsestudio.app.metrics;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;

/** The metrics card: one row per metric, one column per model, the best value highlighted. */
public final class MetricsView extends Card {
  private final MetricsViewModel vm;
  private final GridPane grid = new GridPane();

  public MetricsView(MetricsViewModel vm) {
    super("Metrics", Icons.WAVE);
    this.vm = vm;
    getStyleClass().add("metrics-card");
    grid.getStyleClass().add("metrics-grid");
    grid.setId("metrics-grid");
    grid.setHgap(14);
    grid.setVgap(5);
    Label note = Card.hint("");
    note.setId("metrics-note");
    note.textProperty().bind(vm.noteProperty());
    getChildren().addAll(grid, note);
    InvalidationListener redraw = o -> rebuild();
    vm.rows().addListener(redraw);
    vm.hiddenProperty().addListener(redraw);
    rebuild();
  }

  private void rebuild() {
    grid.getChildren().clear();
    grid.getColumnConstraints().clear();
    if (vm.rows().isEmpty() || vm.hiddenProperty().get()) {
      return;
    }
    ColumnConstraints first = new ColumnConstraints();
    first.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().add(first);
    int col = 1;
    for (String model : vm.models()) {
      ColumnConstraints c = new ColumnConstraints();
      c.setHalignment(HPos.RIGHT);
      c.setMinWidth(64);
      grid.getColumnConstraints().add(c);
      Label head = new Label(model);
      head.getStyleClass().add("metrics-head");
      grid.add(head, col++, 0);
    }
    int row = 1;
    for (MetricRow r : vm.rows()) {
      Label name = new Label(r.metric() + (r.unit().isEmpty() ? "" : " (" + r.unit() + ")"));
      name.getStyleClass().add("metrics-name");
      grid.add(name, 0, row);
      String best = r.best();
      col = 1;
      for (String model : vm.models()) {
        Double v = r.values().get(model);
        Label value =
            new Label(
                v == null
                    ? "–"
                    : String.format(Locale.ROOT, r.unit().isEmpty() ? "%.3f" : "%+.2f", v));
        value.getStyleClass().add("metrics-value");
        value.setId("metric-" + r.metric().toLowerCase(Locale.ROOT) + "-" + model);
        if (model.equals(best)) {
          value.getStyleClass().add("best");
        }
        grid.add(value, col++, row);
      }
      row++;
    }
  }
}
