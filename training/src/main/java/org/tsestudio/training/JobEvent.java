package org.tsestudio.training;

import java.util.Map;
import java.util.Optional;

/**
 * One thing that happened in a job: a JSON-lines event printed by the Python module ({@code
 * --progress json}), a stdout line that is no event, or a change of the job's state.
 *
 * <p>Field maps hold the event's JSON fields as Gson reads them: numbers as {@link Double}, text as
 * {@link String}, {@link Boolean}, lists and maps.
 */
public sealed interface JobEvent {

  /** The checkpoint file named in the event's {@code checkpoint} field, if any. */
  default Optional<String> checkpoint() {
    return Optional.empty();
  }

  /** {@code {"event": "progress", "done": 10, "total": 100, "message": "..."}}. */
  record Progress(long done, long total, String message, Map<String, Object> fields)
      implements JobEvent {
    /** Done over total in [0, 1], or -1 when the total is unknown. */
    public double fraction() {
      return total > 0 ? Math.min(1.0, Math.max(0.0, (double) done / total)) : -1;
    }

    @Override
    public Optional<String> checkpoint() {
      return textField(fields, "checkpoint");
    }
  }

  /**
   * {@code {"event": "metric", "step": 100, "train_loss": -3.2, ...}}: every numeric field but
   * {@code step} is a curve the training panel plots against the step.
   */
  record Metric(long step, Map<String, Double> values, Map<String, Object> fields)
      implements JobEvent {
    /** The trainer's {@code phase} field ({@code train} or {@code valid}), or empty. */
    public String phase() {
      return textField(fields, "phase").orElse("");
    }

    @Override
    public Optional<String> checkpoint() {
      return textField(fields, "checkpoint");
    }
  }

  /** {@code {"event": "done", ...}}: the module finished its work. */
  record Done(String message, Map<String, Object> fields) implements JobEvent {
    @Override
    public Optional<String> checkpoint() {
      return textField(fields, "checkpoint");
    }
  }

  /** {@code {"event": "error", "message": "..."}}: the module reports why it stops. */
  record Failed(String message, Map<String, Object> fields) implements JobEvent {
    @Override
    public Optional<String> checkpoint() {
      return textField(fields, "checkpoint");
    }
  }

  /** A stdout line that is not a JSON event (a stray print). */
  record Output(String line) implements JobEvent {}

  /** The job moved to another state; {@code message} says why (exit code, error, checkpoint). */
  record StateChanged(JobState state, String message) implements JobEvent {}

  private static Optional<String> textField(Map<String, Object> fields, String key) {
    Object value = fields.get(key);
    return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
  }
}
