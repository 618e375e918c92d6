package org.tsestudio.app.ui;

import java.util.Locale;

/** Times as audio people read them: {@code m:ss.mmm}, with as many decimals as a zoom needs. */
public final class TimeFormat {
  private TimeFormat() {}

  /** {@code 1:02.345}; decimals 0..3. */
  public static String format(double seconds, int decimals) {
    double s = Math.max(0, seconds);
    long minutes = (long) (s / 60);
    double rest = s - minutes * 60;
    if (decimals <= 0) {
      return String.format(Locale.ROOT, "%d:%02d", minutes, (long) Math.floor(rest));
    }
    String pattern = "%d:%0" + (3 + decimals) + "." + decimals + "f";
    String text = String.format(Locale.ROOT, pattern, minutes, rest);
    // Rounding 59.9996 up gives "0:60.000"; carry into the minutes instead.
    if (text.contains(":60")) {
      return format(Math.ceil(s), decimals);
    }
    return text;
  }

  /** The default: milliseconds. */
  public static String format(double seconds) {
    return format(seconds, 3);
  }
}
