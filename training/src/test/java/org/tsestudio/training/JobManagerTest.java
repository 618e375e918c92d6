package org.tsestudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.EmitterFixture.Recorder;

/** Launches real Python processes and checks events, logs, end states and the registry. */
class JobManagerTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private JobManager open() throws TseException {
    return JobManager.open(dir.resolve("state"), EmitterFixture.runtime(dir));
  }

  @Test
  void aJobRunsToTheEndAndEveryEventArrivesInOrder() throws Exception {
    try (JobManager manager = open()) {
      Recorder recorder = new Recorder();
      manager.addListener(recorder);
      TrainingJob job =
          manager.start(EmitterFixture.spec(dir.resolve("run"), "--steps", "4", "--stray-print"));
      JobRecord end = job.await(WAIT);

      assertEquals(JobState.SUCCEEDED, end.state());
      assertEquals(0, end.exitCode());
      List<JobEvent.Metric> metrics =
          recorder.all.stream()
              .filter(JobEvent.Metric.class::isInstance)
              .map(JobEvent.Metric.class::cast)
              .toList();
      assertEquals(List.of(1L, 2L, 3L, 4L), metrics.stream().map(JobEvent.Metric::step).toList());
      assertEquals(0.25, metrics.get(3).values().get("train_loss"), 1e-12);
      assertTrue(recorder.all.contains(new JobEvent.Output("this line is not an event")));
      assertInstanceOf(JobEvent.Done.class, recorder.all.get(recorder.all.size() - 2));
      assertEquals(
          new JobEvent.StateChanged(JobState.SUCCEEDED, "finished"),
          recorder.all.get(recorder.all.size() - 1));
      assertEquals(4, end.progressDone());
      assertEquals(dir.resolve("run/checkpoints/step_0004.ckpt"), end.lastCheckpoint());
      assertTrue(Files.readString(end.logFile()).contains("step 4"), "stderr is in the log");
      assertEquals(end, JobRegistry.load(dir.resolve("state/jobs.json")).get(job.id()).get());
      assertEquals(recorder.all.size() - 1, manager.readEvents(job.id()).size());
    }
  }

  @Test
  void anErrorEventGivesTheFailureItsMessage() throws Exception {
    try (JobManager manager = open()) {
      JobRecord end =
          manager.start(EmitterFixture.spec(dir.resolve("run"), "--fail-at", "2")).await(WAIT);
      assertEquals(JobState.FAILED, end.state());
      assertEquals("loss is NaN at step 2", end.message());
      assertEquals(1, end.exitCode());
    }
  }

  @Test
  void withoutAnErrorEventTheLastStderrLineSaysWhy() throws Exception {
    JobKind missing = new JobKind("missing", "no_such_module_here", null);
    try (JobManager manager = open()) {
      JobRecord end =
          manager.start(new JobSpec(missing, List.of(), dir.resolve("run"), "")).await(WAIT);
      assertEquals(JobState.FAILED, end.state());
      assertTrue(end.message().contains("No module named no_such_module_here"), end.message());
    }
  }

  @Test
  void cancelSendsSigtermAndTheJobSavesItsCheckpoint() throws Exception {
    try (JobManager manager = open()) {
      Recorder recorder = new Recorder();
      TrainingJob job =
          manager.start(
              EmitterFixture.spec(
                  dir.resolve("run"),
                  "--steps",
                  "1000",
                  "--delay",
                  "0.05",
                  "--checkpoint-every",
                  "1000"));
      job.subscribe(recorder);
      recorder.awaitEvent(e -> e instanceof JobEvent.Metric m && m.step() >= 3);
      job.cancel(Duration.ofSeconds(20));
      JobRecord end = job.await(WAIT);

      assertEquals(JobState.CANCELLED, end.state());
      JobEvent.Progress stopped =
          (JobEvent.Progress)
              recorder.awaitEvent(
                  e -> e instanceof JobEvent.Progress p && "stopped".equals(p.message()));
      Path saved = Path.of(stopped.checkpoint().orElseThrow());
      assertEquals(saved, end.lastCheckpoint());
      assertTrue(end.message().contains(saved.toString()), end.message());
      assertTrue(end.canResume());
    }
  }

  @Test
  void aJobThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    try (JobManager manager = open()) {
      Recorder recorder = new Recorder();
      TrainingJob job =
          manager.start(
              EmitterFixture.spec(
                  dir.resolve("run"), "--steps", "1000", "--delay", "0.05", "--ignore-sigterm"));
      job.subscribe(recorder);
      recorder.awaitEvent(JobEvent.Metric.class::isInstance);
      long started = System.nanoTime();
      job.cancel(Duration.ofMillis(500));
      JobRecord end = job.await(WAIT);
      assertEquals(JobState.CANCELLED, end.state());
      assertEquals(128 + 9, end.exitCode(), "SIGKILL");
      assertTrue(System.nanoTime() - started > 400_000_000L, "waited for the grace period");
    }
  }

  @Test
  void aRunningJobIsReattachedAfterAnAppRestart() throws Exception {
    TrainingJob first;
    try (JobManager manager = open()) {
      Recorder recorder = new Recorder();
      first =
          manager.start(EmitterFixture.spec(dir.resolve("run"), "--steps", "30", "--delay", "0.1"));
      first.subscribe(recorder);
      recorder.awaitEvent(e -> e instanceof JobEvent.Metric m && m.step() >= 2);
    } // the app closes; the process keeps running

    JobManager reopened = open();
    try {
      TrainingJob again = reopened.job(first.id()).orElseThrow();
      assertTrue(again.isRunning());
      Recorder late = new Recorder();
      again.subscribe(late);
      JobRecord end = again.await(WAIT);
      assertEquals(JobState.SUCCEEDED, end.state());
      assertEquals(null, end.exitCode(), "an adopted process has no exit code");
      List<Long> steps =
          late.all.stream()
              .filter(JobEvent.Metric.class::isInstance)
              .map(e -> ((JobEvent.Metric) e).step())
              .toList();
      assertEquals(30, steps.size(), "the subscriber also gets the steps from before the restart");
    } finally {
      reopened.close();
    }
  }

  @Test
  void aJobThatDiedWhileTheAppWasClosedIsInterruptedAndResumes() throws Exception {
    Path runDir = dir.resolve("run");
    TrainingJob first;
    try (JobManager manager = open()) {
      Recorder recorder = new Recorder();
      first = manager.start(EmitterFixture.spec(runDir, "--steps", "12", "--delay", "0.1"));
      first.subscribe(recorder);
      recorder.awaitEvent(e -> e instanceof JobEvent.Metric m && m.step() >= 5);
    }
    ProcessHandle process = ProcessHandle.of(first.record().pid()).orElseThrow();
    process.destroyForcibly(); // a crash: no chance to write a checkpoint
    process.onExit().get();

    try (JobManager reopened = open()) {
      JobRecord interrupted = reopened.get(first.id()).orElseThrow();
      assertEquals(JobState.INTERRUPTED, interrupted.state());
      assertNotNull(interrupted.lastCheckpoint());
      assertTrue(interrupted.message().contains(interrupted.lastCheckpoint().toString()));
      assertTrue(interrupted.canResume());
      int savedStep = Integer.parseInt(Files.readString(interrupted.lastCheckpoint()).strip());
      assertTrue(savedStep >= 4 && savedStep % 2 == 0, "checkpoint of step " + savedStep);

      Recorder recorder = new Recorder();
      TrainingJob resumed = reopened.resume(first.id());
      resumed.subscribe(recorder);
      JobRecord end = resumed.await(WAIT);
      assertEquals(JobState.SUCCEEDED, end.state());
      assertEquals(2, end.attempts());
      assertEquals(first.id(), end.id());
      assertTrue(end.args().contains("--resume"));
      JobEvent.Progress resumedAt = (JobEvent.Progress) recorder.all.get(0);
      assertEquals("resumed from step " + savedStep, resumedAt.message());
      long firstNewStep =
          recorder.all.stream()
              .filter(JobEvent.Metric.class::isInstance)
              .mapToLong(e -> ((JobEvent.Metric) e).step())
              .min()
              .orElseThrow();
      assertEquals(savedStep + 1, firstNewStep);
    }
  }

  @Test
  void resumeRefusesWhatCannotBeResumed() throws Exception {
    try (JobManager manager = open()) {
      JobRecord done = manager.start(EmitterFixture.spec(dir.resolve("run"))).await(WAIT);
      assertFalse(done.canResume());
      TseException unknown = assertThrows(TseException.class, () -> manager.resume("nope"));
      assertEquals("nope: no such job in the list", unknown.getMessage());

      JobKind once = new JobKind("once", "event_emitter", null);
      JobRecord failed =
          manager
              .start(
                  new JobSpec(
                      once,
                      List.of("--run-dir", dir.resolve("r2").toString(), "--fail-at", "1"),
                      dir.resolve("r2"),
                      ""))
              .await(WAIT);
      TseException notResumable =
          assertThrows(TseException.class, () -> manager.resume(failed.id()));
      assertTrue(notResumable.getMessage().endsWith("a once job cannot be resumed"));
    }
  }

  @Test
  void anotherProcesssJobIsPickedUpAndItsParentsVerdictWins() throws Exception {
    try (JobManager cli = open();
        JobManager app = open()) {
      TrainingJob started =
          cli.start(EmitterFixture.spec(dir.resolve("run"), "--steps", "1000", "--delay", "0.05"));
      Recorder recorder = new Recorder();
      started.subscribe(recorder);
      recorder.awaitEvent(JobEvent.Metric.class::isInstance);
      assertTrue(app.job(started.id()).isEmpty());
      app.refresh();
      TrainingJob watched = app.job(started.id()).orElseThrow();
      assertTrue(watched.isRunning());

      started.cancel(Duration.ofSeconds(20));
      JobRecord byParent = started.await(WAIT);
      JobRecord byApp = watched.await(WAIT);
      assertEquals(JobState.CANCELLED, byParent.state());
      assertEquals(byParent, byApp, "the app takes the CLI's record, exit code and all");
      assertEquals(byParent, app.get(started.id()).orElseThrow());
    }
  }
}
