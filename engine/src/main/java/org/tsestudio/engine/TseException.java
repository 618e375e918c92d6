package org.tsestudio.engine;

import java.nio.file.Path;

/**
 * The project's one checked error type. Its message is a single user-facing line that names the
 * file (when there is one) and the problem, e.g. {@code mix.wav: truncated WAV header (data chunk
 * claims 88200 bytes, 120 present)}. User interfaces print the message as is and never a stack
 * trace.
 */
public class TseException extends Exception {
  private static final long serialVersionUID = 1L;

  public TseException(String message) {
    super(oneLine(message));
  }

  public TseException(String message, Throwable cause) {
    super(oneLine(message), cause);
  }

  /** A problem with one file: the message becomes {@code "<file>: <problem>"}. */
  public static TseException forFile(Path file, String problem) {
    return new TseException(file + ": " + problem);
  }

  /** As {@link #forFile(Path, String)}, keeping the low-level cause for {@code --debug} output. */
  public static TseException forFile(Path file, String problem, Throwable cause) {
    return new TseException(file + ": " + problem, cause);
  }

  // A message is shown on one line in a terminal or a status bar, so line breaks would split it.
  private static String oneLine(String message) {
    return message == null ? "unknown error" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
