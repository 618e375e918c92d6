package org.tsestudio.engine.inference;

import org.tsestudio.engine.TseException;

/**
 * Lets another thread stop an extraction. The extractor checks it between chunks, so a cancel takes
 * effect within one chunk's inference time.
 */
public final class Cancellation {

  private volatile boolean cancelled;

  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }

  /** Throws when cancelled. */
  void check(String name) throws ExtractionCancelledException {
    if (cancelled || Thread.currentThread().isInterrupted()) {
      throw new ExtractionCancelledException(name + ": extraction cancelled");
    }
  }

  /** The error an extraction ends with when it is cancelled; nothing has been written then. */
  public static final class ExtractionCancelledException extends TseException {
    public ExtractionCancelledException(String message) {
      super(message);
    }
  }
}
