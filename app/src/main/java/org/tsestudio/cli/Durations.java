package org.tsestudio.cli;

import java.util.Locale;

/** Durations for people: {@code 4.250 s} for short clips, {@code 1:02:03.500} for long ones. */
final class Durations {
  private Durations() {}

  static String format(double seconds) {
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.3f s", seconds);
    }
    long millis = Math.round(seconds * 1000);
    long h = millis / 3_600_000;
    long m = millis / 60_000 % 60;
    double s = millis % 60_000 / 1000.0;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%06.3f", h, m, s)
        : String.format(Locale.ROOT, "%d:%06.3f", m, s);
  }
}
