package org.tsestudio.app.timeline;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The one time axis shared by every track: what is visible (start and span), where the playhead is,
 * and what is selected, all in seconds. Every change is clamped here so the views can stay dumb:
 * they only map seconds to pixels and back.
 */
public final class TimelineModel {
  /** The shortest visible span: a few milliseconds shows single samples even at 48 kHz. */
  public static final double MIN_SPAN = 0.005;

  private final ReadOnlyDoubleWrapper duration = new ReadOnlyDoubleWrapper(this, "duration", 0);
  private final ReadOnlyDoubleWrapper viewStart = new ReadOnlyDoubleWrapper(this, "viewStart", 0);
  private final ReadOnlyDoubleWrapper viewSpan = new ReadOnlyDoubleWrapper(this, "viewSpan", 1);
  private final ReadOnlyDoubleWrapper playhead = new ReadOnlyDoubleWrapper(this, "playhead", 0);
  private final ReadOnlyObjectWrapper<Selection> selection =
      new ReadOnlyObjectWrapper<>(this, "selection", null);

  /** Sets the length of the longest track; the view is fitted when it becomes a new length. */
  public void setDuration(double seconds) {
    double d = Math.max(0, seconds);
    boolean changed = d != duration.get();
    duration.set(d);
    if (changed) {
      zoomToFit();
      setPlayhead(playhead.get());
      Selection s = selection.get();
      if (s != null) {
        select(s.start(), s.end());
      }
    }
  }

  public void zoomToFit() {
    viewSpan.set(Math.max(MIN_SPAN, duration.get() > 0 ? duration.get() : 1));
    viewStart.set(0);
  }

  /**
   * Multiplies the visible span by {@code factor} (below 1 zooms in), keeping the time under {@code
   * anchor} at the same place on screen.
   */
  public void zoom(double factor, double anchor) {
    double span = viewSpan.get();
    double newSpan = clampSpan(span * factor);
    double fraction = (anchor - viewStart.get()) / span;
    setView(anchor - fraction * newSpan, newSpan);
  }

  /** Zooms around the middle of the view (toolbar buttons and keys). */
  public void zoomCentred(double factor) {
    zoom(factor, viewStart.get() + viewSpan.get() / 2);
  }

  public void zoomToSelection() {
    Selection s = selection.get();
    if (s != null) {
      double margin = s.length() * 0.05;
      setView(s.start() - margin, clampSpan(s.length() + 2 * margin));
    }
  }

  /** Shows {@code span} seconds from {@code start}, both clamped to the material. */
  public void setView(double start, double span) {
    double s = clampSpan(span);
    viewSpan.set(s);
    viewStart.set(clampStart(start, s));
  }

  public void scrollTo(double start) {
    viewStart.set(clampStart(start, viewSpan.get()));
  }

  /** Scrolls by a fraction of the visible span (wheel and arrow keys). */
  public void scrollBy(double fractionOfSpan) {
    scrollTo(viewStart.get() + fractionOfSpan * viewSpan.get());
  }

  public void setPlayhead(double seconds) {
    playhead.set(Math.max(0, Math.min(seconds, duration.get())));
  }

  /** Keeps the playhead in view while playing: pages forward when it leaves the right edge. */
  public void follow(double seconds) {
    setPlayhead(seconds);
    double t = playhead.get();
    if (t < viewStart.get() || t > viewStart.get() + viewSpan.get()) {
      scrollTo(t - viewSpan.get() * 0.05);
    }
  }

  /** Selects between two times in either order; an empty range clears the selection. */
  public void select(double a, double b) {
    double lo = clampTime(Math.min(a, b));
    double hi = clampTime(Math.max(a, b));
    selection.set(hi - lo < 1e-4 ? null : new Selection(lo, hi));
  }

  public void clearSelection() {
    selection.set(null);
  }

  /** The time at horizontal position {@code x} of a view {@code width} pixels wide. */
  public double timeAt(double x, double width) {
    return viewStart.get() + x / Math.max(1, width) * viewSpan.get();
  }

  /** The horizontal position of time {@code t} in a view {@code width} pixels wide. */
  public double xAt(double t, double width) {
    return (t - viewStart.get()) / viewSpan.get() * width;
  }

  private double clampSpan(double span) {
    double max = Math.max(MIN_SPAN, duration.get());
    return Math.max(MIN_SPAN, Math.min(span, max));
  }

  private double clampStart(double start, double span) {
    return Math.max(0, Math.min(start, Math.max(0, duration.get() - span)));
  }

  private double clampTime(double t) {
    return Math.max(0, Math.min(t, duration.get()));
  }

  public ReadOnlyDoubleProperty durationProperty() {
    return duration.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty viewStartProperty() {
    return viewStart.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty viewSpanProperty() {
    return viewSpan.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty playheadProperty() {
    return playhead.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Selection> selectionProperty() {
    return selection.getReadOnlyProperty();
  }

  public double duration() {
    return duration.get();
  }

  public double viewStart() {
    return viewStart.get();
  }

  public double viewSpan() {
    return viewSpan.get();
  }

  public double playhead() {
    return playhead.get();
  }

  public Selection selection() {
    return selection.get();
  }
}
