package org.tsestudio.app.tracks;

import javafx.scene.paint.Color;

/** Canvas colours; they match the dark theme in studio.css. */
public final class Palette {
  public static final Color LANE_BACKGROUND = Color.web("#0f1115");
  public static final Color LANE_SPLIT = Color.web("#232730");
  public static final Color AXIS = Color.web("#2b303a");
  public static final Color GRID = Color.web("#1b1e25");
  public static final Color RULER_BACKGROUND = Color.web("#181b21");
  public static final Color RULER_TEXT = Color.web("#8b93a1");
  public static final Color RULER_TICK = Color.web("#4a505c");
  public static final Color PLAYHEAD = Color.web("#ff5a5a");
  public static final Color SELECTION_FILL = Color.web("#4fa3ff", 0.16);
  public static final Color SELECTION_EDGE = Color.web("#4fa3ff", 0.85);
  public static final Color LOOP_EDGE = Color.web("#f5c451", 0.95);

  private Palette() {}

  /** Peak colour of a lane; its RMS core is a lighter tint of it. */
  public static Color trackColour(TrackRole role, String key) {
    return switch (role) {
      case MIXTURE -> Color.web("#8aa0bd");
      case REFERENCE -> Color.web("#e2b35a");
      case TARGET -> Color.web("#c08ded");
      case OUTPUT ->
          "v7".equals(key)
              ? Color.web("#55aef7")
              : "v8".equals(key) ? Color.web("#5fd08a") : Color.web("#f08a5d");
    };
  }
}
