package org.tsestudio.app.timeline;

/** A time range in seconds, start strictly before end. */
public record Selection(double start, double end) {
  public Selection {
    if (!(end > start)) {
      throw new IllegalArgumentException(
          "selection end must follow its start: " + start + ".." + end);
    }
  }

  /** The selection between two points in either order, or null when they coincide. */
  public static Selection between(double a, double b) {
    return a == b ? null : new Selection(Math.min(a, b), Math.max(a, b));
  }

  public double length() {
    return end - start;
  }

  public boolean contains(double t) {
    return t >= start && t <= end;
  }
}
