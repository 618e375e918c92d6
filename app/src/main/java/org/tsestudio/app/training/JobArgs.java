package org.tsestudio.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsestudio.engine.TseException;

/** Turns what the user typed in a job form into checked paths and argument lists. */
final class JobArgs {
  private JobArgs() {}

  /**
   * A folder or file typed in a form: relative paths are under the project root, where the jobs run
   * and where the shipped configs' relative paths point.
   *
   * @param what the field's name, for the message when it is empty
   */
  static Path path(Path root, String text, String what) throws TseException {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw new TseException(what + ": required");
    }
    Path p = Path.of(t.startsWith("~/") ? System.getProperty("user.home") + t.substring(1) : t);
    return (p.isAbsolute() ? p : root.resolve(p)).normalize();
  }

  /** A file that must exist. */
  static Path existingFile(Path root, String text, String what) throws TseException {
    Path p = path(root, text, what);
    if (!Files.isRegularFile(p)) {
      throw new TseException(p + ": file not found");
    }
    return p;
  }

  /**
   * Further options typed as one line, passed to the Python module as they are. Split at
   * whitespace; double quotes keep a value with spaces together.
   */
  static List<String> extra(String text) throws TseException {
    List<String> args = new ArrayList<>();
    if (text == null) {
      return args;
    }
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : text.strip().toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (any) {
          args.add(current.toString());
          current.setLength(0);
          any = false;
        }
      } else {
        current.append(c);
        any = true;
      }
    }
    if (quoted) {
      throw new TseException("further options: unclosed double quote in '" + text.strip() + "'");
    }
    if (any) {
      args.add(current.toString());
    }
    if (args.contains("--progress")) {
      throw new TseException("further options: --progress is set by TSE Studio");
    }
    return args;
  }

  /** A positive whole number, or null for an empty field. */
  static Integer optionalCount(String text, String what) throws TseException {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      int n = Integer.parseInt(t);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TseException(what + ": '" + t + "' is not a positive whole number");
  }
}
