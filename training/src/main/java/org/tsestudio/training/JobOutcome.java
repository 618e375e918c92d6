package org.tsestudio.training;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/** Decides how a job ended, and why, from its exit code, its events and its stderr log. */
final class JobOutcome {

  private JobOutcome() {}

  /**
   * The ended record.
   *
   * @param code the exit code, or {@code null} when the process was not this app's child
   * @param cancelled whether the user cancelled it
   * @param sawDone whether it printed a {@code done} event
   * @param lastError the message of its last {@code error} event, or {@code null}
   */
  static JobRecord settle(
      JobRecord record, Integer code, boolean cancelled, boolean sawDone, String lastError) {
    Path checkpoint = Checkpoints.latest(record);
    String where = checkpoint == null ? "" : "; last checkpoint " + checkpoint;
    JobState state;
    String message;
    if (cancelled) {
      state = JobState.CANCELLED;
      message = "cancelled" + where;
    } else if ((code != null && code == 0) || (code == null && sawDone)) {
      state = JobState.SUCCEEDED;
      message = "finished";
    } else if (lastError != null) {
      state = JobState.FAILED;
      message = lastError;
    } else if (code == null) {
      state = JobState.INTERRUPTED;
      message = "the process ended while TSE Studio was not watching it" + where;
    } else {
      state = JobState.FAILED;
      message = lastLogLine(record.logFile()).orElse(describeExit(code)) + where;
    }
    return record.ended(state, message, code, checkpoint, Instant.now());
  }

  static String describeExit(int code) {
    // The JDK reports death by signal N as exit code 128 + N.
    return code > 128 && code < 160
        ? "killed by signal " + (code - 128)
        : "exited with code " + code;
  }

  /** The last non-blank stderr line (for Python, the exception line of a traceback). */
  static Optional<String> lastLogLine(Path log) {
    if (!Files.exists(log)) {
      return Optional.empty();
    }
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      long start = Math.max(0, file.length() - 8192);
      byte[] tail = new byte[(int) (file.length() - start)];
      file.seek(start);
      file.readFully(tail);
      String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
      for (int i = lines.length - 1; i >= 0; i--) {
        // "=== attempt N ..." lines are the launcher's own headers, not the job's words.
        if (!lines[i].isBlank() && !lines[i].startsWith("=== ")) {
          return Optional.of(lines[i].strip());
        }
      }
    } catch (IOException e) {
      System.getLogger(JobOutcome.class.getName())
          .log(System.Logger.Level.WARNING, log + ": cannot read: " + e.getMessage());
    }
    return Optional.empty();
  }
}
