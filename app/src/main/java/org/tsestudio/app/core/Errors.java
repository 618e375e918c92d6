package org.tsestudio.app.core;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.tsestudio.engine.TseException;

/** Turns any failure into the single user-facing line the error dialog shows (never a trace). */
public final class Errors {
  private Errors() {}

  public static String userMessage(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof TseException || e instanceof UserFacingException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": file not found";
    }
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    if (e instanceof IOException && e.getMessage() != null) {
      return e.getMessage();
    }
    if (e instanceof OutOfMemoryError) {
      return "not enough memory for this operation; close other items or raise -Xmx";
    }
    String what = e.getMessage() == null ? "" : ": " + e.getMessage();
    return "unexpected " + e.getClass().getSimpleName() + what;
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof java.util.concurrent.ExecutionException
            || e instanceof java.util.concurrent.CompletionException
            || e instanceof java.io.UncheckedIOException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
