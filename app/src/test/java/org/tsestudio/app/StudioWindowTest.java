package org.tsestudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tsestudio.app.testutil.ErrorDialogs.errorDialog;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
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
import org.tsestudio.app.playback.Slot;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.tracks.Palette;
import org.tsestudio.app.tracks.TrackLane;
import org.tsestudio.app.tracks.TrackRole;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;

/** The real window on Monocle (headless): open, draw, listen, export, fail. */
@ExtendWith(ApplicationExtension.class)
class StudioWindowTest {
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

  private void openExample(FxRobot robot) throws Exception {
    robot.interact(() -> vm().open(List.of(Examples.manifest())));
    WaitForAsyncUtils.waitFor(
        15,
        TimeUnit.SECONDS,
        () -> {
          List<TrackLane> lanes = app.view().tracks().lanes();
          return lanes.size() == 3 && lanes.stream().allMatch(TrackLane::isWaveformDrawn);
        });
  }

  private void importOutputs(FxRobot robot) throws Exception {
    robot.interact(
        () -> {
          vm().importOutput("v7", Examples.interferer());
          vm().importOutput("v8", Examples.target());
        });
    WaitForAsyncUtils.waitFor(
        10, TimeUnit.SECONDS, () -> vm().listening().bAvailableProperty().get());
  }

  /** Share of pixels in a band of the lane's canvas that differ from the lane background. */
  private static double inkIn(FxRobot robot, TrackLane lane, double fromY, double toY)
      throws Exception {
    Image image =
        WaitForAsyncUtils.asyncFx(() -> lane.lookup(".lane-canvas").snapshot(null, null)).get();
    PixelReader r = image.getPixelReader();
    int ink = 0;
    int total = 0;
    int y0 = (int) (fromY * image.getHeight());
    int y1 = (int) (toY * image.getHeight());
    for (int y = y0; y < y1; y++) {
      for (int x = 0; x < (int) image.getWidth(); x++) {
        total++;
        if (!r.getColor(x, y).equals(Palette.LANE_BACKGROUND)) {
          ink++;
        }
      }
    }
    return ink / (double) total;
  }

  @Test
  void opensMixtureAndReferenceAndDrawsWaveformsAndSpectrograms(FxRobot robot) throws Exception {
    openExample(robot);
    List<TrackLane> lanes = app.view().tracks().lanes();
    assertEquals(TrackRole.MIXTURE, lanes.get(0).track().role());
    assertEquals(TrackRole.REFERENCE, lanes.get(1).track().role());
    assertEquals(TrackRole.TARGET, lanes.get(2).track().role());
    for (TrackLane lane : lanes) {
      double wave = inkIn(robot, lane, 0.05, 0.40);
      assertTrue(wave > 0.08, lane.track().title() + " waveform ink " + wave);
    }
    // Spectrogram tiles arrive from the render queue: wait until the lower part is painted.
    WaitForAsyncUtils.waitFor(
        15, TimeUnit.SECONDS, () -> inkIn(robot, lanes.get(0), 0.5, 0.95) > 0.5);
    assertTrue(
        robot.lookup(".lane-title").queryAllAs(Label.class).stream()
            .anyMatch(l -> l.getText().equals("Reference")));
  }

  @Test
  void keysSwitchBetweenMixtureAndOutputsAtTheSamePlayhead(FxRobot robot) throws Exception {
    openExample(robot);
    importOutputs(robot);
    robot.interact(() -> vm().listening().seek(2.0));
    robot.clickOn(app.view().tracks().lanes().get(0).lookup(".lane-header"));
    robot.type(KeyCode.A);
    assertEquals(Slot.A, vm().listening().activeProperty().get());
    assertEquals("v7", vm().listening().heardKeyProperty().get());
    assertTrue(
        robot.lookup("#slot-a").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
    robot.type(KeyCode.B);
    assertEquals("v8", vm().listening().heardKeyProperty().get());
    assertEquals(2.0, vm().session().timeline().playhead(), 1e-9);
    robot.type(KeyCode.M);
    assertEquals(Slot.MIXTURE, vm().listening().activeProperty().get());
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitFor(
        5, TimeUnit.SECONDS, () -> vm().session().timeline().playhead() > 2.2);
    robot.type(KeyCode.B);
    assertTrue(vm().listening().playingProperty().get());
    robot.type(KeyCode.SPACE);
    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !vm().listening().playingProperty().get());
  }

  @Test
  void exportDialogWritesAValidWav(FxRobot robot) throws Exception {
    openExample(robot);
    importOutputs(robot);
    robot.interact(() -> vm().export().folderProperty().set(dir));
    robot.clickOn("#tool-export");
    WaitForAsyncUtils.waitForFxEvents();
    Button export =
        robot.lookup(".export-dialog .button").queryAllAs(Button.class).stream()
            .filter(b -> b.getText().equals("Export"))
            .findFirst()
            .orElseThrow();
    robot.clickOn(export);
    Path v8 = dir.resolve("mixture_v8.wav");
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(v8));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm().export().runningProperty().get());
    AudioSignal written = AudioFiles.readMono(v8);
    assertEquals(16000, written.sampleRate());
    assertEquals(AudioFiles.readMono(Examples.target()).length(), written.length());
    assertTrue(Files.exists(dir.resolve("mixture_v7.wav")));
  }

  @Test
  void aBadFileOpensAnErrorDialogNamingIt(FxRobot robot) throws Exception {
    Path bad = dir.resolve("damaged.wav");
    Files.write(bad, new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E'});
    robot.interact(() -> vm().open(List.of(bad)));
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> errorDialog(robot) != null);
    DialogPane pane = errorDialog(robot);
    Label message = (Label) pane.getContent();
    assertTrue(message.getText().contains("damaged.wav"), message.getText());
    assertFalse(message.getText().contains("Exception"), message.getText());
    robot.interact(() -> pane.getScene().getWindow().hide());
    assertTrue(vm().session().queue().isEmpty());
  }

  @Test
  void helpOverlayAndExtractWaitingForAMixture(FxRobot robot) throws Exception {
    Node help = robot.lookup("#help-overlay").query();
    assertFalse(help.isVisible());
    robot.type(KeyCode.F1);
    assertTrue(help.isVisible());
    robot.type(KeyCode.ESCAPE);
    assertFalse(help.isVisible());
    // The real extractor is installed: no "unavailable" note, Extract waits for a mixture.
    assertFalse(robot.lookup("#extraction-note").queryAs(Label.class).isVisible());
    assertTrue(robot.lookup("#extract-button").queryButton().isDisabled());
    openExample(robot);
    assertFalse(robot.lookup("#extract-button").queryButton().isDisabled());
  }

  @Test
  void settingsAreSavedWhenTheWorkstationCloses(FxRobot robot) throws Exception {
    openExample(robot);
    robot.interact(
        () -> vm().tracks().colourMapProperty().set(org.tsestudio.app.spectrogram.ColourMap.ICE));
    WaitForAsyncUtils.asyncFx(() -> app.stop()).get();
    var loaded = org.tsestudio.app.core.SettingsStore.inUserConfigDir().load();
    assertEquals("ICE", loaded.settings().colourMap);
    assertEquals(
        Examples.manifest().toAbsolutePath().normalize().toString(),
        loaded.settings().recentFiles.get(0));
  }
}
