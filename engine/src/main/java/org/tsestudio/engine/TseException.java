package org.tsestudio.engine;

/** The project's one checked error: a single user-facing line naming the file and the problem. */
public class TseException extends Exception {
  public TseException(String message) {
    super(message);
  }

  public TseException(String message, Throwable cause) {
    super(message, cause);
  }
}
