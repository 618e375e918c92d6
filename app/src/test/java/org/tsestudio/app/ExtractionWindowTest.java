package org.tsestudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsestudio.app.testutil.ErrorDialogs.errorDialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.tsestudio.app.model.ItemStatus;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.playback.Slot;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.tracks.TrackLane;
import org.tsestudio.app.tracks.TrackRole;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.metrics.SeparationMetrics;

/**
 * The whole path in the real window on Monocle, with real DJL and the shipped models: open the
 * example mixture, load its reference, extract with v7 and v8, switch A/B with the keys, export,
 * and score the exported files against the example's ground truth.
 */
@ExtendWith(ApplicationExtension.class)
class ExtractionWindowTest {
  /** Well below what the shipped models reach on the example (v8 about 10 dB, v7 about 6 dB). */
  private static final double V8_MIN_SI_SDRI = 6.0;

  private static final double V7_MIN_SI_SDRI = 3.0;

  private StudioApp app;
  @TempDir Path dir;

  @Start
  void start(Stage stage) {
    app = new StudioApp();
    app.start(stage);
  }

  @AfterEach
  void stop() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> app.stop()).get();
  }

  private StudioViewModel vm() {
    return app.viewModel();
  }

  @Test
  void extractsWithV7AndV8ThenSwitchesAbByKeysAndExportsAboveTheQualityBar(FxRobot robot)
      throws Exception {
    robot.interact(() -> vm().open(List.of(Examples.mixture())));
    robot.interact(() -> vm().reference().load(Examples.reference()));
    WaitForAsyncUtils.waitFor(
        15,
        TimeUnit.SECONDS,
        () ->
            vm().session().current() != null
                && vm().session().current().isLoaded()
                && vm().session().referenceFor(vm().session().current()) != null);
    robot.interact(
        () -> {
          vm().extraction().models().forEach(t -> t.chosenProperty().set(true));
          vm().extraction().deviceProperty().set("auto");
        });

    robot.clickOn("#extract-button");
    StudioItem item = vm().session().current();
    WaitForAsyncUtils.waitFor(
        120,
        TimeUnit.SECONDS,
        () -> item.statusProperty().get().ordinal() >= ItemStatus.DONE.ordinal());
    assertNull(
        errorDialog(robot), () -> "error: " + ((Label) errorDialog(robot).getContent()).getText());
    assertEquals(ItemStatus.DONE, item.statusProperty().get());
    assertTrue(item.outputs().keySet().containsAll(List.of("v7", "v8")), item.outputs().toString());
    assertEquals("in use: CPU", robot.lookup("#device-in-use").queryAs(Label.class).getText());

    // The outputs are lanes, drawn, and the A/B sources: A = v7, B = v8.
    WaitForAsyncUtils.waitFor(
        15,
        TimeUnit.SECONDS,
        () -> {
          List<TrackLane> lanes = app.view().tracks().lanes();
          return lanes.size() == 4 && lanes.stream().allMatch(TrackLane::isWaveformDrawn);
        });
    List<TrackRole> roles =
        app.view().tracks().lanes().stream().map(l -> l.track().role()).toList();
    assertEquals(
        List.of(TrackRole.MIXTURE, TrackRole.REFERENCE, TrackRole.OUTPUT, TrackRole.OUTPUT), roles);
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> vm().listening().bAvailableProperty().get());
    robot.clickOn(app.view().tracks().lanes().get(0).lookup(".lane-header"));
    robot.type(KeyCode.A);
    assertEquals(Slot.A, vm().listening().activeProperty().get());
    assertEquals("v7", vm().listening().heardKeyProperty().get());
    robot.type(KeyCode.B);
    assertEquals("v8", vm().listening().heardKeyProperty().get());
    robot.type(KeyCode.M);
    assertEquals(Slot.MIXTURE, vm().listening().activeProperty().get());

    // Export through the dialog, then score what was written.
    robot.interact(() -> vm().export().folderProperty().set(dir));
    robot.clickOn("#tool-export");
    WaitForAsyncUtils.waitForFxEvents();
    Button export =
        robot.lookup(".export-dialog .button").queryAllAs(Button.class).stream()
            .filter(b -> b.getText().equals("Export"))
            .findFirst()
            .orElseThrow();
    robot.clickOn(export);
    Path v7 = dir.resolve("mixture_v7.wav");
    Path v8 = dir.resolve("mixture_v8.wav");
    WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Files.exists(v7) && Files.exists(v8));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm().export().runningProperty().get());

    AudioSignal target = AudioFiles.readMono(Examples.target());
    AudioSignal mixture = AudioFiles.readMono(Examples.mixture());
    double v8Gain = siSdri(v8, target, mixture);
    double v7Gain = siSdri(v7, target, mixture);
    assertTrue(v8Gain > V8_MIN_SI_SDRI, "v8 SI-SDRi " + v8Gain);
    assertTrue(v7Gain > V7_MIN_SI_SDRI, "v7 SI-SDRi " + v7Gain);
  }

  private static double siSdri(Path exported, AudioSignal target, AudioSignal mixture)
      throws Exception {
    AudioSignal out = AudioFiles.readMono(exported);
    assertEquals(target.sampleRate(), out.sampleRate(), exported.toString());
    assertEquals(target.length(), out.length(), exported.toString());
    return SeparationMetrics.siSdrImprovement(out.samples(), target.samples(), mixture.samples());
  }

  @Test
  void cancelStopsTheExtractionWithoutOutputs(FxRobot robot) throws Exception {
    robot.interact(() -> vm().open(List.of(Examples.manifest())));
    WaitForAsyncUtils.waitFor(
        15,
        TimeUnit.SECONDS,
        () -> vm().session().current() != null && vm().session().current().isLoaded());
    StudioItem item = vm().session().current();
    robot.interact(
        () -> {
          vm().extraction().extractCurrent();
          vm().extraction().cancel();
        });
    WaitForAsyncUtils.waitFor(
        60, TimeUnit.SECONDS, () -> !vm().extraction().runningProperty().get());
    assertEquals(ItemStatus.CANCELLED, item.statusProperty().get());
    assertTrue(item.outputs().isEmpty());
    assertEquals("Cancelled", vm().extraction().progressTextProperty().get());
    assertNull(errorDialog(robot));
  }
}
