package org.tsestudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.testutil.StudioFixture;
import org.tsestudio.app.tracks.TrackRole;

class StudioViewModelTest {
  @TempDir Path dir;

  @Test
  void exampleOpensWithReferenceAndGroundTruthAsLanes() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      StudioItem item = f.vm.session().current();
      assertNotNull(item.mixtureProperty().get());
      assertNotNull(item.referenceProperty().get());
      assertNotNull(item.targetProperty().get());
      assertEquals(
          List.of(TrackRole.MIXTURE, TrackRole.REFERENCE, TrackRole.TARGET),
          f.vm.tracks().tracks().stream().map(t -> t.role()).toList());
      assertEquals(4.935, f.vm.session().timeline().duration(), 1e-3);
      assertTrue(f.dialogs.errors.isEmpty(), f.dialogs.errors.toString());
      assertEquals(Examples.manifest().toAbsolutePath().normalize(), f.vm.recentFiles().get(0));
    }
  }

  @Test
  void severalMixturesQueueUpAndTheFirstIsShown() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(List.of(Examples.mixture(), Examples.target()));
      assertEquals(2, f.vm.session().queue().size());
      assertEquals("mixture.wav", f.vm.session().current().name());
      f.vm.select(f.vm.session().queue().get(1));
      assertNotNull(f.vm.session().current().mixtureProperty().get());
    }
  }

  @Test
  void aBadFileGivesOneErrorNamingItAndLeavesTheQueue() throws Exception {
    Path bad = dir.resolve("broken.wav");
    Files.write(bad, new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(List.of(bad));
      assertEquals(1, f.dialogs.errors.size());
      assertTrue(f.dialogs.errors.get(0).contains("broken.wav"), f.dialogs.errors.get(0));
      assertTrue(f.vm.session().queue().isEmpty());
    }
  }

  @Test
  void unsupportedFilesAreRefusedByName() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(List.of(dir.resolve("notes.txt")));
      assertEquals(1, f.dialogs.errors.size());
      assertTrue(f.dialogs.errors.get(0).startsWith(dir.resolve("notes.txt").toString()));
    }
  }

  @Test
  void importedOutputsBecomeLanesInModelOrder() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      f.vm.importOutput("v8", Examples.target());
      f.vm.importOutput("v7", Examples.interferer());
      assertEquals(
          List.of("mixture", "reference", "v7", "v8", "target"),
          f.vm.tracks().tracks().stream().map(t -> t.key()).toList());
    }
  }

  @Test
  void settingsRoundTripThroughTheViewModel() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      f.vm.tracks().colourMapProperty().set(org.tsestudio.app.spectrogram.ColourMap.VIRIDIS);
      f.vm.storeSettings();
      assertEquals("VIRIDIS", f.vm.settings().colourMap);
      assertEquals(1, f.vm.settings().recentFiles.size());
    }
  }
}
