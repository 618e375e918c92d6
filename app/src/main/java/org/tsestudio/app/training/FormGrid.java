package org.tsestudio.app.training;

import javafx.beans.property.StringProperty;
import javafx.geometry.HPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** A two-column form (right-aligned labels, growing fields) whose rows can be hidden. */
final class FormGrid extends GridPane {
  private int rows;

  FormGrid() {
    setHgap(8);
    setVgap(6);
    getStyleClass().add("form-grid");
    ColumnConstraints labels = new ColumnConstraints();
    labels.setHalignment(HPos.RIGHT);
    labels.setMinWidth(Label.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    fields.setFillWidth(true);
    getColumnConstraints().addAll(labels, fields);
  }

  /** Adds a row; returns its label so the caller can hide the row with it. */
  Label row(String label, Node field) {
    Label l = new Label(label);
    l.getStyleClass().add("form-label");
    l.setLabelFor(field);
    GridPane.setHgrow(field, Priority.ALWAYS);
    addRow(rows++, l, field);
    return l;
  }

  /** Hides or shows a row (label and field) without leaving a gap. */
  static void show(boolean visible, Node... nodes) {
    for (Node n : nodes) {
      n.setVisible(visible);
      n.setManaged(visible);
    }
  }

  /** A text field bound to a form property, with a hint shown while it is empty. */
  static TextField text(StringProperty value, String prompt, String id) {
    TextField f = new TextField();
    f.textProperty().bindBidirectional(value);
    f.setPromptText(prompt);
    f.setId(id);
    f.setMaxWidth(Double.MAX_VALUE);
    return f;
  }

  /** A field with a small "…" button beside it that picks a path. */
  static HBox withPicker(Node field, String tooltip, Runnable pick) {
    Button b = new Button("…");
    b.getStyleClass().add("picker-button");
    b.setTooltip(new javafx.scene.control.Tooltip(tooltip));
    b.setOnAction(e -> pick.run());
    b.setFocusTraversable(false);
    HBox.setHgrow(field, Priority.ALWAYS);
    HBox box = new HBox(4, field, b);
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }
}
