package org.tsestudio.app.tracks;

import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.timeline.TimelineModel;

/**
 * Mouse on a lane: click moves the playhead, drag selects (shift extends), wheel scrolls,
 * ctrl+wheel zooms at the pointer, and dragging inside the mixture's selection carries that region
 * to the reference.
 */
final class LaneMouse {
  private final Pane canvasPane;
  private final Track track;
  private final TimelineModel timeline;
  private final TracksView owner;
  private double dragAnchor = Double.NaN;
  private boolean dragMoved;

  LaneMouse(Pane canvasPane, Track track, TimelineModel timeline, TracksView owner) {
    this.canvasPane = canvasPane;
    this.track = track;
    this.timeline = timeline;
    this.owner = owner;
  }

  void install() {
    canvasPane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
    canvasPane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
    canvasPane.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    canvasPane.addEventHandler(MouseEvent.DRAG_DETECTED, this::dragDetected);
    canvasPane.addEventHandler(ScrollEvent.SCROLL, this::scrolled);
  }

  private double timeAt(MouseEvent e) {
    return timeline.timeAt(e.getX(), canvasPane.getWidth());
  }

  private boolean inSelectionOfMixture(MouseEvent e) {
    Selection sel = timeline.selection();
    return track.role() == TrackRole.MIXTURE && sel != null && sel.contains(timeAt(e));
  }

  private void pressed(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    canvasPane.requestFocus();
    dragMoved = false;
    if (inSelectionOfMixture(e) && !e.isShiftDown()) {
      dragAnchor = Double.NaN;
      return;
    }
    Selection sel = timeline.selection();
    if (e.isShiftDown() && sel != null) {
      double t = timeAt(e);
      dragAnchor = Math.abs(t - sel.start()) < Math.abs(t - sel.end()) ? sel.end() : sel.start();
      timeline.select(dragAnchor, t);
    } else {
      dragAnchor = timeAt(e);
    }
  }

  private void dragged(MouseEvent e) {
    if (!Double.isNaN(dragAnchor)) {
      dragMoved = true;
      timeline.select(dragAnchor, timeAt(e));
    }
  }

  private void released(MouseEvent e) {
    if (e.getButton() != MouseButton.PRIMARY) {
      return;
    }
    if (!dragMoved && !Double.isNaN(dragAnchor) && !e.isShiftDown()) {
      timeline.clearSelection();
      owner.seek(timeAt(e));
    } else if (!dragMoved && Double.isNaN(dragAnchor)) {
      owner.seek(timeAt(e));
    }
    dragAnchor = Double.NaN;
  }

  /** Dragging inside the mixture's selection carries that region to the reference. */
  private void dragDetected(MouseEvent e) {
    if (Double.isNaN(dragAnchor) && inSelectionOfMixture(e)) {
      var board = canvasPane.startDragAndDrop(TransferMode.COPY);
      ClipboardContent content = new ClipboardContent();
      content.put(TracksView.MIXTURE_REGION, "mixture");
      board.setContent(content);
      dragMoved = true;
      e.consume();
    }
  }

  private void scrolled(ScrollEvent e) {
    double w = canvasPane.getWidth();
    if (e.isControlDown() || e.isShortcutDown()) {
      double factor = Math.pow(1.0025, -e.getDeltaY());
      timeline.zoom(factor, timeline.timeAt(e.getX(), w));
    } else {
      double delta =
          Math.abs(e.getDeltaX()) > Math.abs(e.getDeltaY()) ? e.getDeltaX() : e.getDeltaY();
      timeline.scrollBy(-delta / Math.max(1, w));
    }
    e.consume();
  }
}
