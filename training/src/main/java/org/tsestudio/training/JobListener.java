package org.tsestudio.training;

/**
 * Receives a job's events. Called on the job's watcher thread, in order; a listener must return
 * quickly (a UI hands the event to its own thread) and must not throw.
 */
@FunctionalInterface
public interface JobListener {
  void onEvent(JobRecord job, JobEvent event);
}
