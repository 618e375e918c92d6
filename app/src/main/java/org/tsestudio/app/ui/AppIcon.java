package org.tsestudio.app.ui;

import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.paint.Color;

/** The window icon, drawn at start-up: a waveform with one highlighted voice. */
public final class AppIcon {
  private AppIcon() {}

  /** Must run on the JavaFX thread. */
  public static Image create(int size) {
    Canvas c = new Canvas(size, size);
    GraphicsContext g = c.getGraphicsContext2D();
    double s = size / 64.0;
    g.setFill(Color.web("#1b1f27"));
    g.fillRoundRect(0, 0, size, size, 14 * s, 14 * s);
    double[] heights = {10, 22, 34, 46, 30, 18, 40, 26, 12};
    for (int i = 0; i < heights.length; i++) {
      double x = (8 + i * 5.6) * s;
      double h = heights[i] * s;
      g.setFill(i >= 3 && i <= 6 ? Color.web("#5fd08a") : Color.web("#55aef7"));
      g.fillRoundRect(x, (32 * s) - h / 2, 3.4 * s, h, 3 * s, 3 * s);
    }
    SnapshotParameters p = new SnapshotParameters();
    p.setFill(Color.TRANSPARENT);
    return c.snapshot(p, null);
  }
}
