package org.tsestudio.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on stderr, redrawn in place ({@code \r}) and only when it changes, so a
 * long job does not flood a log when stderr is a file. Thread-safe.
 */
final class ConsoleProgress {

  private static final int WIDTH = 28;

  private final PrintWriter out;
  private String label = "";
  private String last = "";
  private boolean drawn;

  ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  /** The text before the bar, e.g. {@code [2/5] mix2.wav}. */
  synchronized void label(String text) {
    label = text;
  }

  /**
   * Draws the bar.
   *
   * @param fraction 0 to 1, or negative when unknown (then no bar, only the message)
   */
  synchronized void update(double fraction, String message) {
    StringBuilder line = new StringBuilder(label);
    if (fraction >= 0) {
      int filled = (int) Math.round(Math.min(1, fraction) * WIDTH);
      line.append(label.isEmpty() ? "" : " ")
          .append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(WIDTH - filled))
          .append(']')
          .append(String.format(Locale.ROOT, " %3d%%", Math.round(Math.min(1, fraction) * 100)));
    }
    if (message != null && !message.isBlank()) {
      line.append(' ').append(message);
    }
    String text = line.toString();
    if (text.equals(last)) {
      return;
    }
    // Pad to the previous length so a shorter line leaves no remnants.
    out.print('\r' + text + " ".repeat(Math.max(0, last.length() - text.length())));
    out.flush();
    last = text;
    drawn = true;
  }

  /** Prints a whole line above the bar (the bar is redrawn by the next update). */
  synchronized void println(String text) {
    clear();
    out.println(text);
    out.flush();
  }

  /** Ends the bar's line. */
  synchronized void finish() {
    if (drawn) {
      out.println();
      out.flush();
    }
    drawn = false;
    last = "";
  }

  private void clear() {
    if (drawn) {
      out.print('\r' + " ".repeat(last.length()) + '\r');
      last = "";
      drawn = false;
    }
  }
}
