package org.tsestudio.app.core;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Long work described apart from where it runs: the {@link TaskExecutor} decides the thread, and
 * calls the handlers back on the UI thread (or on the caller's thread in toolkit-free tests).
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {

  /** The work itself; may report progress and should poll {@link Progress#isCancelled()}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Progress progress) throws Exception;
  }

  /** What the work sees of its surroundings. */
  public interface Progress {
    /** Reports how far the work is, 0..1; a message may be null. */
    void update(double fraction, String message);

    boolean isCancelled();
  }

  private final String title;
  private final Work<T> work;
  private Consumer<T> onSuccess = result -> {};
  private Consumer<Exception> onFailure = error -> {};
  private Runnable onCancelled = () -> {};
  private ProgressHandler onProgress = (fraction, message) -> {};

  /** Receives progress updates on the UI thread. */
  @FunctionalInterface
  public interface ProgressHandler {
    void progress(double fraction, String message);
  }

  private BackgroundTask(String title, Work<T> work) {
    this.title = title;
    this.work = work;
  }

  public static <T> BackgroundTask<T> of(String title, Work<T> work) {
    return new BackgroundTask<>(Objects.requireNonNull(title), Objects.requireNonNull(work));
  }

  public BackgroundTask<T> onSuccess(Consumer<T> handler) {
    this.onSuccess = Objects.requireNonNull(handler);
    return this;
  }

  public BackgroundTask<T> onFailure(Consumer<Exception> handler) {
    this.onFailure = Objects.requireNonNull(handler);
    return this;
  }

  public BackgroundTask<T> onCancelled(Runnable handler) {
    this.onCancelled = Objects.requireNonNull(handler);
    return this;
  }

  public BackgroundTask<T> onProgress(ProgressHandler handler) {
    this.onProgress = Objects.requireNonNull(handler);
    return this;
  }

  public String title() {
    return title;
  }

  public Work<T> work() {
    return work;
  }

  public Consumer<T> successHandler() {
    return onSuccess;
  }

  public Consumer<Exception> failureHandler() {
    return onFailure;
  }

  public Runnable cancelledHandler() {
    return onCancelled;
  }

  public ProgressHandler progressHandler() {
    return onProgress;
  }
}
