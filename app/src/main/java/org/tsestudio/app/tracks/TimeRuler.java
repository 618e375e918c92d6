package org.tsestudio.app.tracks;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.text.Font;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.timeline.TimelineModel;
import org.tsestudio.app.ui.TimeFormat;

/** The time scale above the lanes, with the selection and the playhead marked on it. */
final class TimeRuler extends Region {
  private static final double[] STEPS = {
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600
  };
  static final double HEIGHT = 26;

  private final Canvas canvas = new Canvas();
  private final TimelineModel timeline;
  private final Font font = Font.font("System", 10.5);

  TimeRuler(TimelineModel timeline) {
    this.timeline = timeline;
    getStyleClass().add("time-ruler");
    getChildren().add(canvas);
    setMinHeight(HEIGHT);
    setPrefHeight(HEIGHT);
    setMaxHeight(HEIGHT);
  }

  @Override
  protected void layoutChildren() {
    if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
      canvas.setWidth(getWidth());
      canvas.setHeight(getHeight());
      paint();
    }
  }

  void paint() {
    double w = canvas.getWidth();
    double h = canvas.getHeight();
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setFill(Palette.RULER_BACKGROUND);
    g.fillRect(0, 0, w, h);
    if (w < 2 || timeline.duration() <= 0) {
      return;
    }
    double span = timeline.viewSpan();
    double start = timeline.viewStart();
    double step = STEPS[STEPS.length - 1];
    for (double s : STEPS) {
      if (s / span * w >= 90) {
        step = s;
        break;
      }
    }
    int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : step >= 0.01 ? 2 : 3;
    Selection sel = timeline.selection();
    if (sel != null) {
      double x0 = timeline.xAt(sel.start(), w);
      double x1 = timeline.xAt(sel.end(), w);
      g.setFill(Palette.SELECTION_FILL);
      g.fillRect(x0, 0, x1 - x0, h);
    }
    g.setFont(font);
    double minor = step / 5;
    long firstMinor = (long) Math.floor(start / minor);
    for (long k = firstMinor; k * minor <= start + span; k++) {
      double t = k * minor;
      double x = Math.floor(timeline.xAt(t, w)) + 0.5;
      boolean major = k % 5 == 0;
      g.setStroke(Palette.RULER_TICK);
      g.strokeLine(x, major ? h - 12 : h - 5, x, h);
      if (major && t >= 0) {
        g.setFill(Palette.RULER_TEXT);
        g.fillText(TimeFormat.format(t, decimals), x + 3, 11);
      }
    }
    g.setStroke(Palette.AXIS);
    g.strokeLine(0, h - 0.5, w, h - 0.5);
    double px = timeline.xAt(timeline.playhead(), w);
    if (px >= -6 && px <= w + 6) {
      g.setFill(Palette.PLAYHEAD);
      g.fillPolygon(new double[] {px - 5, px + 5, px}, new double[] {h - 9, h - 9, h - 1}, 3);
    }
  }
}
