package org.tsestudio.app.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class TimelineModelTest {
  private final TimelineModel t = new TimelineModel();

  @Test
  void aNewDurationShowsEverything() {
    t.setDuration(600);
    assertEquals(0, t.viewStart());
    assertEquals(600, t.viewSpan());
  }

  @Test
  void zoomKeepsTheAnchorUnderTheMouse() {
    t.setDuration(100);
    double x = t.xAt(30, 1000);
    t.zoom(0.1, 30);
    assertEquals(10, t.viewSpan(), 1e-9);
    assertEquals(x, t.xAt(30, 1000), 1e-6);
  }

  @Test
  void viewStaysInsideTheMaterial() {
    t.setDuration(100);
    t.setView(95, 10);
    assertEquals(90, t.viewStart(), 1e-9);
    t.scrollBy(-20);
    assertEquals(0, t.viewStart(), 1e-9);
    t.zoom(50, 10);
    assertEquals(100, t.viewSpan(), 1e-9);
    t.zoom(1e-9, 10);
    assertEquals(TimelineModel.MIN_SPAN, t.viewSpan(), 1e-12);
  }

  @Test
  void selectionIsOrderedClampedAndEmptyClears() {
    t.setDuration(10);
    t.select(8, 3);
    assertEquals(new Selection(3, 8), t.selection());
    t.select(9, 42);
    assertEquals(new Selection(9, 10), t.selection());
    t.select(4, 4);
    assertNull(t.selection());
  }

  @Test
  void followPagesWhenThePlayheadLeavesTheView() {
    t.setDuration(100);
    t.setView(0, 10);
    t.follow(5);
    assertEquals(0, t.viewStart());
    t.follow(12);
    assertEquals(12 - 0.5, t.viewStart(), 1e-9);
  }

  @Test
  void zoomToSelectionAddsAMargin() {
    t.setDuration(100);
    t.select(20, 30);
    t.zoomToSelection();
    assertEquals(11, t.viewSpan(), 1e-9);
    assertEquals(19.5, t.viewStart(), 1e-9);
  }
}
