package org.tsestudio.app.core;

/** Thrown by work that noticed {@link BackgroundTask.Progress#isCancelled()}; not an error. */
public final class CancelledException extends Exception {
  public CancelledException() {
    super("cancelled", null, false, false);
  }
}
