package org.tsestudio.app.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsestudio.app.testutil.ErrorDialogs.errorDialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tsestudio.app.StudioApp;
import org.tsestudio.app.testutil.DirectTaskExecutor;
import org.tsestudio.app.testutil.RecordingDialogService;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.JobState;
import org.tsestudio.training.testutil.TinyJobs;

/**
 * The training page of the real window with real Python jobs (tiny sizes, CPU, about 25 s): build a
 * flite corpus, render a mixture set, train a few steps with live progress and curves, register the
 * run's model for extraction, cancel a long run, and find every job again after a restart.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
  private static final long JOB_SECONDS = 90;

  private StudioApp app;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    System.setProperty(JobManager.STATE_PROPERTY, dir.resolve("state").toString());
    app = new StudioApp();
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              // A failed test must not leave a trainer running.
              for (JobRow row : vm().jobs()) {
                vm().liveJob(row).ifPresent(j -> j.cancel(Duration.ZERO));
              }
              app.stop();
            })
        .get();
    System.clearProperty(JobManager.STATE_PROPERTY);
  }

  private TrainingViewModel vm() {
    return app.training();
  }

  @Test
  void runsDataAndTrainingJobsWithLiveCurvesRegistersTheModelAndKeepsTheList(FxRobot robot)
      throws Exception {
    robot.clickOn("Training");
    assertTrue(robot.lookup("#training-view").query().isVisible());
    List<String> progressSeen = new ArrayList<>();
    List<Integer> lossPointsWhileRunning = new ArrayList<>();
    robot.interact(
        () -> {
          vm().jobs()
              .addListener(
                  (ListChangeListener<JobRow>)
                      c -> {
                        while (c.next()) {
                          for (JobRow row : c.getAddedSubList()) {
                            row.progressTextProperty()
                                .addListener((o, was, now) -> progressSeen.add(now));
                          }
                        }
                      });
          vm().curves()
              .loss()
              .addListener(
                  (ListChangeListener<CurvePoint>)
                      c -> {
                        JobRow selected = vm().selectedProperty().get();
                        if (selected != null
                            && selected.stateProperty().get() == JobState.RUNNING) {
                          lossPointsWhileRunning.add(vm().curves().loss().size());
                        }
                      });
        });

    // 1. A speech corpus (tsestudio.data.build_corpus).
    Path corpus = dir.resolve("corpus");
    robot.interact(
        () -> {
          DataJobForm f = vm().dataForm();
          f.kindProperty().set(DataJobForm.Kind.CORPUS);
          f.outProperty().set(corpus.toString());
          f.extraProperty().set(TinyJobs.CORPUS_OPTIONS);
        });
    robot.clickOn("#start-data-job");
    JobRow corpusJob = awaitEnd(robot, "corpus");
    assertEquals(
        JobState.SUCCEEDED, corpusJob.stateProperty().get(), corpusJob.messageProperty().get());
    assertTrue(progressSeen.contains("4 / 4"), progressSeen.toString());
    assertTrue(
        progressSeen.stream().anyMatch(t -> t.startsWith("0 / 4 · ")),
        "the first progress event, with its stage, shows while it runs: " + progressSeen);

    // 2. A static mixture set from it (tsestudio.data.generate).
    Path recipe = TinyJobs.recipe(dir);
    Path mixtures = dir.resolve("mixtures");
    robot.interact(
        () -> {
          DataJobForm f = vm().dataForm();
          f.kindProperty().set(DataJobForm.Kind.MIXTURES);
          f.recipeProperty().set(recipe.toString());
          f.splitProperty().set("train");
          f.corpusProperty().set(corpus.toString());
          f.outProperty().set(mixtures.toString());
          f.countProperty().set("2");
          f.extraProperty().set("--seed 1");
        });
    robot.clickOn("#start-data-job");
    assertEquals(JobState.SUCCEEDED, awaitEnd(robot, "generate").stateProperty().get());
    Path manifest = mixtures.resolve("train.jsonl");
    assertEquals(2, Files.readAllLines(manifest).size());

    // 3. A short training run: its metric events become curves while it runs.
    Path run = dir.resolve("tiny-run");
    Path config = TinyJobs.config(dir.resolve("train.yaml"), corpus, recipe, manifest, 2, 2);
    robot.interact(
        () -> {
          vm().trainForm().configProperty().set(config.toString());
          vm().trainForm().runDirProperty().set(run.toString());
        });
    robot.clickOn("#start-training");
    JobRow trained = awaitEnd(robot, "train");
    assertEquals(
        JobState.SUCCEEDED, trained.stateProperty().get(), trained.messageProperty().get());
    assertEquals(trained, vm().selectedProperty().get(), "a started job is selected");
    assertEquals(
        List.of(1L, 2L, 3L, 4L, 5L, 6L),
        vm().curves().loss().stream().map(CurvePoint::step).toList());
    assertEquals(2, vm().curves().valid().size());
    assertTrue(!lossPointsWhileRunning.isEmpty(), "curves grow while the job runs");
    assertTrue(progressSeen.contains("6 / 6"), progressSeen.toString());
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> chartPoints(robot, 0, 0) == 6);
    assertEquals(2, chartPoints(robot, 1, 0), "validation SI-SDRi drawn");

    // 4. Register its model: an export job, then the model is offered for extraction.
    robot.clickOn("#job-register");
    JobRow exported = awaitEnd(robot, "export");
    assertEquals(
        JobState.SUCCEEDED, exported.stateProperty().get(), exported.messageProperty().get());
    Path card = run.resolve("export").resolve("tiny-run.json");
    // The registration lands on the FX thread; read its outcome there, not mid-update.
    WaitForAsyncUtils.waitFor(
        10,
        TimeUnit.SECONDS,
        () ->
            WaitForAsyncUtils.asyncFx(
                    () ->
                        app.viewModel().extraction().models().stream()
                                .anyMatch(t -> t.model().name().equals("tiny-run"))
                            && app.viewModel()
                                .settings()
                                .registeredModels
                                .contains(card.toString()))
                .get());
    assertTrue(Files.isRegularFile(card));

    // 5. A long run, cancelled: the trainer writes its checkpoint, so it can be resumed.
    Path longConfig =
        TinyJobs.config(dir.resolve("long.yaml"), corpus, recipe, manifest, 1000, 1000);
    robot.interact(
        () -> {
          vm().trainForm().configProperty().set(longConfig.toString());
          vm().trainForm().runDirProperty().set(dir.resolve("long-run").toString());
        });
    robot.clickOn("#start-training");
    WaitForAsyncUtils.waitFor(
        JOB_SECONDS,
        TimeUnit.SECONDS,
        () -> {
          JobRow s = vm().selectedProperty().get();
          return s != null && s != trained && vm().curves().loss().size() >= 2;
        });
    JobRow longJob = vm().selectedProperty().get();
    robot.clickOn("#job-cancel");
    WaitForAsyncUtils.waitFor(
        JOB_SECONDS, TimeUnit.SECONDS, () -> longJob.stateProperty().get().finished());
    assertEquals(
        JobState.CANCELLED, longJob.stateProperty().get(), longJob.messageProperty().get());
    assertTrue(longJob.canResumeProperty().get(), longJob.messageProperty().get());
    assertNull(errorDialog(robot));

    // 6. The list survives a restart: a new manager over the same state folder finds every job.
    TrainingSetup again = TrainingSetup.open(dir.resolve("state"));
    try (TrainingViewModel reopened =
        new TrainingViewModel(
            again,
            new DirectTaskExecutor(),
            new RecordingDialogService(),
            c -> {},
            Clock.systemUTC())) {
      assertEquals(
          List.of("train", "export", "train", "generate", "corpus"),
          reopened.jobs().stream().map(JobRow::kind).toList(),
          "newest first");
      assertEquals(JobState.CANCELLED, reopened.jobs().get(0).stateProperty().get());
      assertTrue(
          reopened.jobs().stream()
              .skip(1)
              .allMatch(r -> r.stateProperty().get() == JobState.SUCCEEDED));
    }
  }

  /** Waits for the newest job of a kind to end. */
  private JobRow awaitEnd(FxRobot robot, String kind) throws Exception {
    Predicate<JobRow> ofKind = r -> r.kind().equals(kind);
    WaitForAsyncUtils.waitFor(
        JOB_SECONDS,
        TimeUnit.SECONDS,
        () ->
            vm().jobs().stream()
                .filter(ofKind)
                .findFirst()
                .map(r -> r.stateProperty().get().finished())
                .orElse(false));
    JobRow row = vm().jobs().stream().filter(ofKind).findFirst().orElseThrow();
    assertNull(errorDialog(robot), () -> ((Label) errorDialog(robot).getContent()).getText());
    return row;
  }

  /** How many points the chart's subplot draws for a series. */
  private static int chartPoints(FxRobot robot, int subplot, int series) {
    ChartViewer viewer = robot.lookup("#curves-viewer").queryAs(ChartViewer.class);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) viewer.getChart().getPlot();
    XYPlot sub = plot.getSubplots().get(subplot);
    return sub.getDataset().getItemCount(series);
  }
}
