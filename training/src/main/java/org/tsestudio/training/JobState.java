package org.tsestudio.training;

/** Life cycle of a job as the registry records it. */
public enum JobState {
  /** The process is running (or was running when the registry was last written). */
  RUNNING,
  /** The process ended normally. */
  SUCCEEDED,
  /** The process ended with an error; the message says why. */
  FAILED,
  /** The user cancelled it; a trainer writes its checkpoint on SIGTERM before it exits. */
  CANCELLED,
  /** The process died while nobody watched it (app or machine crash); it may be resumed. */
  INTERRUPTED;

  /** Whether the job has ended (every state but {@link #RUNNING}). */
  public boolean finished() {
    return this != RUNNING;
  }
}
