package org.tsestudio.app.testutil;

import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.testfx.api.FxRobot;

/** Finds the app's error dialog among the open windows, for the TestFX window tests. */
public final class ErrorDialogs {
  private ErrorDialogs() {}

  /** The showing dialog styled {@code error-dialog}, or {@code null} when none is open. */
  public static DialogPane errorDialog(FxRobot robot) {
    for (Window w : robot.listWindows()) {
      Node root = w.getScene() == null ? null : w.getScene().getRoot();
      if (root instanceof DialogPane p && p.getStyleClass().contains("error-dialog")) {
        return p;
      }
    }
    return null;
  }
}
