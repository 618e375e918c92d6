package org.tsestudio.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.testutil.DirectTaskExecutor;
import org.tsestudio.app.testutil.RecordingDialogService;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobSpec;
import org.tsestudio.training.PythonRuntime;

/** The training page's forms, metrics-log plotting and curve merging, without running jobs. */
class TrainingViewModelTest {
  @TempDir Path dir;
  private final RecordingDialogService dialogs = new RecordingDialogService();

  private TrainingViewModel withoutJobs() {
    return new TrainingViewModel(
        new TrainingSetup(null, dir, "Training is unavailable: no Python here"),
        new DirectTaskExecutor(),
        dialogs,
        card -> {},
        Clock.systemUTC());
  }

  @Test
  void aMetricsLogIsPlottedAsLossAndBothValidationCurves() throws Exception {
    Path log = dir.resolve("run").resolve("metrics.jsonl");
    Files.createDirectories(log.getParent());
    Files.writeString(
        log,
        String.join(
            "\n",
            "{\"event\":\"metric\",\"phase\":\"train\",\"step\":200,\"loss\":3.5}",
            "{\"event\":\"metric\",\"phase\":\"train\",\"step\":100,\"loss\":9.0}",
            "{\"event\":\"metric\",\"phase\":\"valid\",\"step\":200,\"val_si_sdri\":1.9,"
                + "\"val_real_si_sdri\":2.1,\"best_metric\":2.1}",
            "{\"event\":\"metric\",\"phase\":\"train\",\"step\":300,\"loss\":null}",
            "not json at all",
            ""));
    try (TrainingViewModel vm = withoutJobs()) {
      vm.openMetricsLog(log);
      assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
      assertEquals("run/metrics.jsonl", vm.curves().titleProperty().get());
      assertEquals(
          List.of(new CurvePoint(100, 9.0), new CurvePoint(200, 3.5)),
          vm.curves().loss(),
          "sorted by step; a diverged (null) loss is left out");
      assertEquals(List.of(new CurvePoint(200, 1.9)), vm.curves().valid());
      assertEquals(List.of(new CurvePoint(200, 2.1)), vm.curves().realValid());
    }
  }

  @Test
  void aFileWithoutMetricsIsAOneLineErrorNamingIt() throws Exception {
    Path notALog = Files.writeString(dir.resolve("notes.jsonl"), "{\"event\":\"done\"}\n");
    try (TrainingViewModel vm = withoutJobs()) {
      vm.openMetricsLog(notALog);
      vm.openMetricsLog(dir.resolve("missing.jsonl"));
    }
    assertEquals(
        List.of(
            notALog + ": no metric lines in it (not a training metrics log, metrics.jsonl)",
            dir.resolve("missing.jsonl") + ": file not found"),
        dialogs.errors);
  }

  @Test
  void withoutPythonThePageSaysWhyAndLaunchesNothing() {
    try (TrainingViewModel vm = withoutJobs()) {
      assertFalse(vm.availableProperty().get());
      vm.startTraining();
      assertEquals(List.of("Training is unavailable: no Python here"), dialogs.errors);
      assertTrue(vm.jobs().isEmpty());
    }
  }

  @Test
  void theDatasetFormBuildsTheGenerateAndCorpusCommands() throws Exception {
    Path root = PythonRuntime.projectRoot();
    Path corpus = Files.createDirectories(dir.resolve("corpus"));
    Files.writeString(corpus.resolve("corpus.jsonl"), "{}\n");
    DataJobForm f = new DataJobForm();
    f.recipeProperty().set("v7");
    assertEquals("work-data/mixtures/v7", f.outProperty().get(), "the default follows the recipe");
    f.corpusProperty().set(corpus.toString());
    f.splitProperty().set("real_valid");
    f.countProperty().set("12");
    f.extraProperty().set("--jobs 2 --seed \"4\"");
    JobSpec spec = f.toSpec(root);
    assertEquals(JobKind.GENERATE_DATA, spec.kind());
    Path out = root.resolve("work-data/mixtures/v7");
    assertEquals(out, spec.runDir());
    assertEquals(
        List.of(
            "--out",
            out.toString(),
            "--corpus",
            corpus.toString(),
            "--recipe",
            "v7",
            "--split",
            "real_valid",
            "--count",
            "12",
            "--jobs",
            "2",
            "--seed",
            "4"),
        spec.args());

    f.countProperty().set("twelve");
    assertEquals(
        "count: 'twelve' is not a positive whole number",
        assertThrows(TseException.class, () -> f.toSpec(root)).getMessage());
    f.countProperty().set("");
    f.corpusProperty().set(dir.resolve("empty").toString());
    assertEquals(
        dir.resolve("empty") + ": no corpus.jsonl in it (build a speech corpus first)",
        assertThrows(TseException.class, () -> f.toSpec(root)).getMessage());

    f.kindProperty().set(DataJobForm.Kind.CORPUS);
    f.outProperty().set("work-data/corpus2");
    f.extraProperty().set("--engines flite");
    JobSpec corpusSpec = f.toSpec(root);
    assertEquals(JobKind.BUILD_CORPUS, corpusSpec.kind());
    assertEquals(
        List.of("--out", root.resolve("work-data/corpus2").toString(), "--engines", "flite"),
        corpusSpec.args());
  }

  @Test
  void theTrainingFormUsesTheShippedConfigsAndResumesFromTheRunFolder() throws Exception {
    Path root = PythonRuntime.projectRoot();
    TrainJobForm f = new TrainJobForm();
    f.configProperty().set("v7");
    assertEquals("runs/v7", f.runDirProperty().get());
    f.runDirProperty().set(dir.resolve("run").toString());
    f.extraProperty().set("--max-minutes 30");
    JobSpec spec = f.toSpec(root);
    assertEquals(JobKind.TRAIN, spec.kind());
    assertEquals(
        List.of(
            "--config",
            root.resolve("training/python/configs/config_v7.yaml").toString(),
            "--run-dir",
            dir.resolve("run").toString(),
            "--max-minutes",
            "30"),
        spec.args());

    f.resumeProperty().set(true);
    assertEquals(
        dir.resolve("run") + ": no last.pt to resume from (untick Resume to start anew)",
        assertThrows(TseException.class, () -> f.toSpec(root)).getMessage());
    Files.createDirectories(dir.resolve("run"));
    Files.writeString(dir.resolve("run/last.pt"), "checkpoint");
    List<String> args = f.toSpec(root).args();
    assertEquals("--resume", args.get(args.size() - 1), "last, so it takes no other value");

    f.configProperty().set(dir.resolve("nope.yaml").toString());
    assertEquals(
        dir.resolve("nope.yaml") + ": file not found",
        assertThrows(TseException.class, () -> f.toSpec(root)).getMessage());
    f.extraProperty().set("--progress text");
    f.configProperty().set("v8");
    assertEquals(
        "further options: --progress is set by TSE Studio",
        assertThrows(TseException.class, () -> f.toSpec(root)).getMessage());
  }

  @Test
  void runsAreRegisteredUnderTheirFolderName() {
    assertEquals("v8a7k", RunExport.modelName(Path.of("/runs/v8a7k")));
    assertEquals("v8-run", RunExport.modelName(Path.of("/runs/v8")), "never the shipped v8");
    assertEquals("my_run", RunExport.modelName(Path.of("/runs/my run")));
  }

  @Test
  void elapsedTimesReadAsMinutesOrHours() {
    assertEquals("0:07", JobRow.format(Duration.ofSeconds(7)));
    assertEquals("12:05", JobRow.format(Duration.ofSeconds(725)));
    assertEquals("3:02:01", JobRow.format(Duration.ofSeconds(3 * 3600 + 121)));
  }
}
