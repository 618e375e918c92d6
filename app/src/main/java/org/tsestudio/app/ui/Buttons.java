package org.tsestudio.app.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;

/** Buttons with an icon, a tooltip naming the action and its shortcut. */
public final class Buttons {
  private Buttons() {}

  public static Button tool(String iconPath, String tooltip, Runnable action) {
    Button b = new Button();
    decorate(b, iconPath, tooltip);
    b.setOnAction(e -> action.run());
    return b;
  }

  public static Button text(String text, String iconPath, String tooltip, Runnable action) {
    Button b = new Button(text);
    if (iconPath != null) {
      b.setGraphic(Icons.icon(iconPath, 14));
    }
    if (tooltip != null) {
      b.setTooltip(new Tooltip(tooltip));
    }
    b.setOnAction(e -> action.run());
    return b;
  }

  public static ToggleButton toggle(String iconPath, String tooltip) {
    ToggleButton b = new ToggleButton();
    decorate(b, iconPath, tooltip);
    return b;
  }

  private static void decorate(ButtonBase b, String iconPath, String tooltip) {
    b.setGraphic(Icons.icon(iconPath));
    b.getStyleClass().add("tool-button");
    b.setTooltip(new Tooltip(tooltip));
    b.setFocusTraversable(false);
  }
}
