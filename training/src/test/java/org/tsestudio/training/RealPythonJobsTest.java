package org.tsestudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.training.EmitterFixture.Recorder;

/**
 * The project's real Python jobs through the job machinery, end to end on the CPU: build a tiny
 * flite corpus, render a static set, train a narrow v8 for a few steps, then cancel and resume a
 * longer run. About 20 s on 2 cores.
 */
class RealPythonJobsTest {

  private static final Duration WAIT = Duration.ofSeconds(120);

  private static final String RECIPE =
      String.join(
          "\n",
          "name: tiny",
          "sample_rate: 8000",
          "segment_seconds: 1.0",
          "reference: {min_seconds: 0.5, max_seconds: 1.0}",
          "interferers: {min: 1, max: 1}",
          "sir_db: [-3.0, 3.0]",
          "interferer_overlap: [1.0, 1.0]",
          "level_dbfs: [-28.0, -22.0]",
          "sizes: {train: 8, valid: 4}",
          "");

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
                  List.of(
                      "--out",
                      corpus.toString(),
                      "--no-install",
                      "--engines",
                      "flite",
                      "--max-voices",
                      "4",
                      "--variants",
                      "1",
                      "--utts",
                      "3",
                      "--human",
                      "none",
                      "--noise",
                      "none",
                      "--rirs",
                      "0",
                      "--babble",
                      "0",
                      "--rate",
                      "8000",
                      "--jobs",
                      "2"),
                  corpus,
                  "tiny corpus"),
              null);
      assertEquals(4, built.progressTotal());
      assertTrue(Files.size(corpus.resolve("corpus.jsonl")) > 0);

      Path recipe = dir.resolve("tiny.yaml");
      Files.writeString(recipe, RECIPE);
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

      Path config = writeConfig(corpus, recipe, manifest, "epochs: 2", "checkpoint_every: 2");
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
          writeConfig(corpus, recipe, manifest, "epochs: 1000", "checkpoint_every: 1000");
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

  /** A narrow v8 at 8 kHz on the tiny corpus (the Python trainer tests use the same sizes). */
  private Path writeConfig(Path corpus, Path recipe, Path valid, String... extra) throws Exception {
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "model_name: v8",
                "model_args: {enc_filters: 32, kernel_size: 16, stride: 8, stage_dims: [32, 48],"
                    + " stage_depths: [1, 1], ref_dim: 32, ref_depth: 1, d_state: 8, head_dim: 16,"
                    + " chunk_size: 16, sample_rate: 8000}",
                "data_mode: dynamic",
                "corpus_dir: " + corpus,
                "recipe: " + recipe,
                "valid_manifest: " + valid,
                "segment_seconds: 1.0",
                "batch_size: 2",
                "num_workers: 0",
                "steps_per_epoch: 3",
                "valid_batch_size: 2",
                "lr: 3.0e-3",
                "warmup_steps: 2",
                "restart_period_epochs: 1",
                "log_every: 1",
                "device: cpu",
                "seed: 7"));
    lines.addAll(List.of(extra));
    Path file = Files.createTempFile(dir, "config", ".yaml");
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }
}
