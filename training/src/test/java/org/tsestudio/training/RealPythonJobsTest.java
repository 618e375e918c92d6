package org.tsestudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.training.EmitterFixture.Recorder;
import org.tsestudio.training.testutil.TinyJobs;

/**
 * The project's real Python jobs through the job machinery, end to end on the CPU: build a tiny
 * flite corpus, render a static set, train a narrow v8 for a few steps, then cancel and resume a
 * longer run. About 20 s on 2 cores.
 */
class RealPythonJobsTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path dir;

  @Test
  void corpusThenStaticSetThenTrainingThenCancelAndResume() throws Exception {
    try (JobManager manager = JobManager.open(dir.resolve("state"), PythonRuntime.detect())) {
      Path corpus = dir.resolve("corpus");
      JobRecord built =
          run(
              manager,
              new JobSpec(
                  JobKind.BUILD_CORPUS,
                  withCorpusOptions("--out", corpus.toString()),
                  corpus,
                  "tiny corpus"),
              null);
      assertEquals(4, built.progressTotal());
      assertTrue(Files.size(corpus.resolve("corpus.jsonl")) > 0);

      Path recipe = TinyJobs.recipe(dir);
      Path mixtures = dir.resolve("mixtures");
      run(
          manager,
          new JobSpec(
              JobKind.GENERATE_DATA,
              List.of(
                  "--corpus",
                  corpus.toString(),
                  "--recipe",
                  recipe.toString(),
                  "--split",
                  "train",
                  "--out",
                  mixtures.toString(),
                  "--count",
                  "2",
                  "--seed",
                  "1"),
              mixtures,
              "tiny set"),
          null);
      Path manifest = mixtures.resolve("train.jsonl");
      assertEquals(2, Files.readAllLines(manifest).size());

      Path config =
          TinyJobs.config(
              Files.createTempFile(dir, "config", ".yaml"), corpus, recipe, manifest, 2, 2);
      Path run = dir.resolve("run");
      Recorder recorder = new Recorder();
      JobRecord trained = run(manager, train(config, run), recorder);
      List<JobEvent.Metric> metrics = metrics(recorder);
      List<JobEvent.Metric> train =
          metrics.stream().filter(m -> m.phase().equals("train")).toList();
      assertEquals(
          List.of(1L, 2L, 3L, 4L, 5L, 6L), train.stream().map(JobEvent.Metric::step).toList());
      assertTrue(train.stream().allMatch(m -> Double.isFinite(m.values().get("loss"))));
      assertEquals(2, metrics.stream().filter(m -> m.phase().equals("valid")).count());
      assertEquals(run.resolve("last.pt"), trained.lastCheckpoint());
      assertTrue(Files.readString(trained.logFile()).contains("training v8 on cpu"));

      // A long run: cancelled (SIGTERM: the trainer writes last.pt), then resumed from it.
      Path longConfig =
          TinyJobs.config(
              Files.createTempFile(dir, "config", ".yaml"), corpus, recipe, manifest, 1000, 1000);
      Path longRun = dir.resolve("long");
      TrainingJob job = manager.start(train(longConfig, longRun));
      Recorder first = new Recorder();
      job.subscribe(first);
      first.awaitEvent(e -> e instanceof JobEvent.Metric m && m.step() >= 2);
      job.cancel(JobManager.DEFAULT_GRACE);
      JobRecord cancelled = job.await(WAIT);
      assertEquals(JobState.CANCELLED, cancelled.state());
      assertEquals(longRun.resolve("last.pt"), cancelled.lastCheckpoint());
      JobEvent.Done stop = (JobEvent.Done) first.awaitEvent(JobEvent.Done.class::isInstance);
      long stoppedAt = Math.round((Double) stop.fields().get("step"));

      TrainingJob resumed = manager.resume(job.id());
      Recorder second = new Recorder();
      resumed.subscribe(second);
      JobEvent.Metric next =
          (JobEvent.Metric)
              second.awaitEvent(e -> e instanceof JobEvent.Metric m && m.phase().equals("train"));
      assertEquals(stoppedAt + 1, next.step(), "training continues where it stopped");
      resumed.cancel(JobManager.DEFAULT_GRACE);
      assertEquals(JobState.CANCELLED, resumed.await(WAIT).state());
      assertEquals(2, manager.get(job.id()).orElseThrow().attempts());
    }
  }

  private static JobSpec train(Path config, Path run) {
    return new JobSpec(
        JobKind.TRAIN,
        List.of("--config", config.toString(), "--run-dir", run.toString()),
        run,
        "tiny v8");
  }

  private static JobRecord run(JobManager manager, JobSpec spec, Recorder recorder)
      throws Exception {
    TrainingJob job = manager.start(spec);
    if (recorder != null) {
      job.subscribe(recorder);
    }
    JobRecord end = job.await(WAIT);
    assertEquals(
        JobState.SUCCEEDED, end.state(), spec.title() + ": " + end.message() + " " + end.logFile());
    return end;
  }

  private static List<JobEvent.Metric> metrics(Recorder recorder) {
    return recorder.all.stream()
        .filter(JobEvent.Metric.class::isInstance)
        .map(JobEvent.Metric.class::cast)
        .toList();
  }

  private static List<String> withCorpusOptions(String... first) {
    List<String> args = new ArrayList<>(List.of(first));
    args.addAll(TinyJobs.corpusOptions());
    return args;
  }
}
