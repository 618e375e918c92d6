package org.tsestudio.app.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts over the window (F1 or ?); Esc or a click closes it. */
public final class HelpOverlay extends StackPane {

  /** One line of the overlay. */
  public record Entry(String group, String keys, String description) {}

  public HelpOverlay(List<Entry> entries) {
    getStyleClass().add("help-overlay");
    setId("help-overlay");
    Map<String, GridPane> groups = new LinkedHashMap<>();
    for (Entry e : entries) {
      GridPane grid =
          groups.computeIfAbsent(
              e.group(),
              g -> {
                GridPane p = new GridPane();
                p.setHgap(14);
                p.setVgap(6);
                return p;
              });
      int row = grid.getRowCount();
      Label keys = new Label(e.keys());
      keys.getStyleClass().add("key-cap");
      Label what = new Label(e.description());
      what.getStyleClass().add("key-description");
      grid.add(keys, 0, row);
      grid.add(what, 1, row);
    }
    HBox columns = new HBox(36);
    for (var g : groups.entrySet()) {
      Label title = new Label(g.getKey().toUpperCase(java.util.Locale.ROOT));
      title.getStyleClass().add("card-title");
      columns.getChildren().add(new VBox(10, title, g.getValue()));
    }
    Label heading = new Label("Keyboard shortcuts");
    heading.getStyleClass().add("help-heading");
    Label close = new Label("Esc or click to close");
    close.getStyleClass().add("hint");
    VBox panel = new VBox(18, heading, columns, close);
    panel.getStyleClass().add("help-panel");
    panel.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    panel.setAlignment(Pos.TOP_LEFT);
    getChildren().add(panel);
    setVisible(false);
    setOnMouseClicked(e -> setVisible(false));
  }

  public void toggle() {
    setVisible(!isVisible());
  }
}
