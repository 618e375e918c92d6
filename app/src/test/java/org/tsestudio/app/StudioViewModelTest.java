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

  @Test
  void registeredModelsComeBackFromTheSettingsAndVanishedOnesAreDroppedQuietly() throws Exception {
    Path shipped = org.tsestudio.app.extraction.ModelCatalog.defaultFolder();
    Path card = Files.copy(shipped.resolve("v7.json"), dir.resolve("my-run.json"));
    Files.createSymbolicLink(dir.resolve("my-run.pt"), shipped.resolve("v7.pt"));
    Path gone = dir.resolve("deleted-run.json");
    org.tsestudio.app.core.Settings settings = new org.tsestudio.app.core.Settings();
    settings.registeredModels.add(card.toString());
    settings.registeredModels.add(gone.toString());
    settings.model = "v8,my-run";
    try (StudioFixture f =
        new StudioFixture(
            new org.tsestudio.app.extraction.UnavailableExtractionService(
                org.tsestudio.app.extraction.ModelCatalog.builtIn()),
            settings)) {
      var models = f.vm.extraction().models();
      assertEquals(
          List.of("v7", "v8", "my-run"), models.stream().map(t -> t.model().name()).toList());
      assertEquals(
          List.of("v8", "my-run"),
          f.vm.extraction().chosenModels().stream().map(m -> m.name()).toList());
      assertEquals(card.toString(), models.get(2).model().location());
      assertTrue(f.dialogs.errors.isEmpty(), "no dialog at start-up for a vanished card");
      assertEquals(List.of(card.toString()), settings.registeredModels);
      assertTrue(f.vm.statusProperty().get().contains("deleted-run.json"));

      f.vm.registerModel(dir.resolve("nothing.json"));
      assertEquals(
          List.of(dir.resolve("nothing.json") + ": model card not found"), f.dialogs.errors);
    }
  }
}
