package org.tsestudio.app.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A titled panel of the side bar. */
public class Card extends VBox {
  private final HBox header;

  public Card(String title, String iconPath, Node... content) {
    super(8);
    getStyleClass().add("card");
    Label label = new Label(title.toUpperCase(java.util.Locale.ROOT));
    label.getStyleClass().add("card-title");
    label.setGraphic(Icons.icon(iconPath, 14));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    header = new HBox(6, label, spacer);
    header.setAlignment(Pos.CENTER_LEFT);
    getChildren().add(header);
    getChildren().addAll(content);
  }

  /** Adds a small control at the right of the title (e.g. a refresh button). */
  public void addToHeader(Node node) {
    header.getChildren().add(node);
  }

  /** A row of controls with even spacing. */
  public static HBox row(Node... nodes) {
    HBox row = new HBox(6, nodes);
    row.setAlignment(Pos.CENTER_LEFT);
    return row;
  }

  /** A secondary line of text that wraps. */
  public static Label hint(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("hint");
    l.setWrapText(true);
    return l;
  }
}
