package org.tsestudio.training;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What the registry remembers about a job, enough to list it after an app restart, to find its
 * process again, and to resume it. Immutable: each change makes a new record.
 *
 * @param id unique id, e.g. {@code train-20250125-101500-3f2a}
 * @param kind the Python module it runs
 * @param title label for job lists
 * @param args the module's arguments (without {@code --progress json})
 * @param runDir the job's output folder
 * @param eventsFile the module's stdout, one JSON event per line, appended by every attempt
 * @param logFile the module's stderr, appended by every attempt
 * @param state where the job is in its life cycle
 * @param message why it is in that state (error, exit code, checkpoint), empty while running
 * @param createdAt when the job was first started
 * @param endedAt when its last attempt ended, or {@code null}
 * @param attempts how many times a process was started (resume adds one)
 * @param pid the process id of the last attempt
 * @param processStart the start time of that process, to tell it from a later one with the same pid
 * @param eventsOffset where the last attempt's events start in {@link #eventsFile}
 * @param exitCode the last attempt's exit code, or {@code null} when unknown
 * @param lastCheckpoint the newest checkpoint the job reported or left in its run folder
 * @param progressDone the last progress event's {@code done}, or -1
 * @param progressTotal the last progress event's {@code total}, or -1
 */
public record JobRecord(
    String id,
    JobKind kind,
    String title,
    List<String> args,
    Path runDir,
    Path eventsFile,
    Path logFile,
    JobState state,
    String message,
    Instant createdAt,
    Instant endedAt,
    int attempts,
    long pid,
    Instant processStart,
    long eventsOffset,
    Integer exitCode,
    Path lastCheckpoint,
    long progressDone,
    long progressTotal) {

  public JobRecord {
    args = List.copyOf(args);
    message = message == null ? "" : message;
  }

  /** A record for a job whose first process is about to start. */
  static JobRecord create(String id, JobSpec spec, Path eventsFile, Path logFile, Instant now) {
    return new JobRecord(
        id,
        spec.kind(),
        spec.title(),
        spec.args(),
        spec.runDir(),
        eventsFile,
        logFile,
        JobState.RUNNING,
        "",
        now,
        null,
        0,
        -1,
        null,
        0,
        null,
        null,
        -1,
        -1);
  }

  /** The same job, now running a new process (first start or resume). */
  JobRecord started(List<String> newArgs, long newPid, Instant newProcessStart, long offset) {
    return new JobRecord(
        id,
        kind,
        title,
        newArgs,
        runDir,
        eventsFile,
        logFile,
        JobState.RUNNING,
        "",
        createdAt,
        null,
        attempts + 1,
        newPid,
        newProcessStart,
        offset,
        null,
        lastCheckpoint,
        -1,
        -1);
  }

  /** The same job, ended. */
  JobRecord ended(JobState newState, String why, Integer code, Path checkpoint, Instant at) {
    return withOutcome(newState, why, at, code, checkpoint, progressDone, progressTotal);
  }

  /** The same job with a newer checkpoint. */
  JobRecord withCheckpoint(Path checkpoint) {
    return withOutcome(state, message, endedAt, exitCode, checkpoint, progressDone, progressTotal);
  }

  /** The same job with newer progress. */
  JobRecord withProgress(long done, long total) {
    return withOutcome(state, message, endedAt, exitCode, lastCheckpoint, done, total);
  }

  /**
   * The same job and attempt (same arguments, process and events offset) with what the attempt has
   * produced so far replaced.
   */
  private JobRecord withOutcome(
      JobState newState,
      String newMessage,
      Instant newEndedAt,
      Integer newExitCode,
      Path checkpoint,
      long done,
      long total) {
    return new JobRecord(
        id,
        kind,
        title,
        args,
        runDir,
        eventsFile,
        logFile,
        newState,
        newMessage,
        createdAt,
        newEndedAt,
        attempts,
        pid,
        processStart,
        eventsOffset,
        newExitCode,
        checkpoint,
        done,
        total);
  }

  /** Whether it can continue from its checkpoint: stopped, resumable kind, checkpoint known. */
  public boolean canResume() {
    return state.finished()
        && state != JobState.SUCCEEDED
        && kind.resumable()
        && lastCheckpoint != null;
  }
}
