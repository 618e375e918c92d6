package org.tsestudio.app.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;

/**
 * The toolbar's vector icons, drawn on a 24x24 grid (no image files, crisp at any scale). Their
 * colour comes from the theme through the {@code icon} style class.
 */
public final class Icons {
  public static final String OPEN = "M2 5h7l2 2h11v13H2zM4 9v9h16V9z";
  public static final String EXPORT =
      "M11 3h2v9.2l3.3-3.3 1.4 1.4L12 16 6.3 10.3l1.4-1.4 3.3 3.3zM4 15h2v4h12v-4h2v6H4z";
  public static final String PLAY = "M7 4.5 20 12 7 19.5z";
  public static final String PAUSE = "M6 4h4.5v16H6zM13.5 4H18v16h-4.5z";
  public static final String STOP = "M6 6h12v12H6z";
  public static final String TO_START = "M5 5h2.5v14H5zM20 5v14L8.5 12z";
  public static final String RECORD = "M12 5a7 7 0 1 0 .01 0z";
  public static final String LOOP =
      "M7 6h10V3l4 4.5-4 4.5V9H7v3H4V6zM17 18H7v3l-4-4.5L7 12v3h10v-3h3v6z";
  public static final String ZOOM_IN =
      "M10 2.5a7.5 7.5 0 1 0 4.6 13.4l5.5 5.5 1.4-1.4-5.5-5.5A7.5 7.5 0 0 0 10 2.5zm0 2a5.5 5.5 0 1"
          + " 1 0 11 5.5 5.5 0 0 1 0-11zM9 7h2v2h2v2h-2v2H9v-2H7V9h2z";
  public static final String ZOOM_OUT =
      "M10 2.5a7.5 7.5 0 1 0 4.6 13.4l5.5 5.5 1.4-1.4-5.5-5.5A7.5 7.5 0 0 0 10 2.5zm0 2a5.5 5.5 0 1"
          + " 1 0 11 5.5 5.5 0 0 1 0-11zM7 9h6v2H7z";
  public static final String FIT =
      "M3 3h6v2H5v4H3zM15 3h6v6h-2V5h-4zM3 15h2v4h4v2H3zM19 15h2v6h-6v-2h4zM8 11h8v2H8z";
  public static final String ZOOM_SELECTION = "M4 4h2v16H4zM18 4h2v16h-2zM8 8h8v8H8z";
  public static final String EXTRACT =
      "M12 2a10 10 0 1 0 .01 0zm0 2a8 8 0 1 1-.01 0zM12 6.5a5.5 5.5 0 1 0 .01 0zm0 2a3.5 3.5 0 1"
          + " 1-.01 0zM12 10.5a1.5 1.5 0 1 0 .01 0z";
  public static final String CANCEL =
      "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12 19 17.6 17.6 19 12 13.4 6.4 19 5 17.6 10.6 12 5 6.4z";
  public static final String HELP =
      "M12 2a10 10 0 1 0 .01 0zm0 2a8 8 0 1 1-.01 0zM11 10.5h2V17h-2zM11 7h2v2h-2z";
  public static final String MIC =
      "M12 2a3.2 3.2 0 0 0-3.2 3.2v5.6a3.2 3.2 0 0 0 6.4 0V5.2A3.2 3.2 0 0 0 12 2zM5 10.5h2a5 5 0 0"
          + " 0 10 0h2a7 7 0 0 1-6 6.9V21h-2v-3.6a7 7 0 0 1-6-6.9z";
  public static final String WAVE =
      "M2 10h2v4H2zM6 6.5h2v11H6zM10 3h2v18h-2zM14 7h2v10h-2zM18 9.5h2v5h-2zM22 11h.01v2H22z";
  public static final String HEADPHONES =
      "M12 3a9 9 0 0 0-9 9v6.5A2.5 2.5 0 0 0 5.5 21H8v-8H5a7 7 0 0 1 14 0h-3v8h2.5a2.5 2.5 0 0 0"
          + " 2.5-2.5V12a9 9 0 0 0-9-9z";
  public static final String TRIM = "M3 4h6v2H5v12h4v2H3zM15 4h6v16h-6v-2h4V6h-4zM8 11h8v2H8z";
  public static final String CHIP =
      "M7 7h10v10H7zM9 9v6h6V9zM9 2h2v3H9zM13 2h2v3h-2zM9 19h2v3H9zM13 19h2v3h-2zM2 9h3v2H2zM2"
          + " 13h3v2H2zM19 9h3v2h-3zM19 13h3v2h-3z";
  public static final String BLIND =
      "M2.5 4 4 2.5l17.5 17.5-1.5 1.5-3.3-3.3A11 11 0 0 1 1 12a11.4 11.4 0 0 1 4.3-5.2zM12 5a11"
          + " 11 0 0 1 11 7 11.5 11.5 0 0 1-3 4.3l-3.2-3.2A5 5 0 0 0 10.9 7.1L8.7 5.5A11 11 0 0 1"
          + " 12 5z";
  public static final String IMPORT =
      "M11 16V6.8L7.7 10.1 6.3 8.7 12 3l5.7 5.7-1.4 1.4L13 6.8V16zM4 15h2v4h12v-4h2v6H4z";
  public static final String TARGET =
      "M12 2a5 5 0 1 1 0 10 5 5 0 0 1 0-10zM4 21c0-4.4 3.6-7 8-7s8 2.6 8 7z";

  private Icons() {}

  /** An icon {@code size} pixels square. */
  public static Node icon(String path, double size) {
    SVGPath svg = new SVGPath();
    svg.setContent(path);
    svg.setFillRule(FillRule.EVEN_ODD);
    svg.getStyleClass().add("icon");
    Rectangle box = new Rectangle(0, 0, 24, 24);
    box.setFill(Color.TRANSPARENT);
    Scale scale = new Scale(size / 24, size / 24, 0, 0);
    svg.getTransforms().add(scale);
    box.getTransforms().add(scale);
    Group group = new Group(box, svg);
    group.getStyleClass().add("icon-box");
    return group;
  }

  /** The usual toolbar size. */
  public static Node icon(String path) {
    return icon(path, 18);
  }
}
