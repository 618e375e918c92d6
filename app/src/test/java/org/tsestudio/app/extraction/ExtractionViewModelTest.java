package org.tsestudio.app.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.CancelledException;
import org.tsestudio.app.model.ItemStatus;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.testutil.StudioFixture;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.WavEncoding;

/** The extraction panel's view model on the real DJL extractor and the shipped models. */
class ExtractionViewModelTest {
  private static EngineExtractionService engine;
  @TempDir Path dir;

  @BeforeAll
  static void loadEngine() {
    engine = new EngineExtractionService();
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @Test
  void withoutAnExtractorExtractIsDisabledWithTheReasonAndDoesNothing() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      ExtractionViewModel x = f.vm.extraction();
      assertFalse(x.availableProperty().get());
      assertFalse(x.canExtractProperty().get());
      assertEquals(UnavailableExtractionService.REASON, x.noteProperty().get());
      x.extractCurrent();
      assertFalse(x.runningProperty().get());
      assertTrue(f.vm.session().current().outputs().isEmpty(), "no fake output");
      assertEquals(List.of("v7", "v8"), x.models().stream().map(m -> m.model().name()).toList());
    }
  }

  @Test
  void theEngineIsFoundThroughTheServiceLoaderWithDevicesAndShippedModels() {
    ExtractionService found = ExtractionServices.discover();
    try (found) {
      assertTrue(found instanceof EngineExtractionService, found.getClass().getName());
      assertTrue(found.unavailableReason().isEmpty());
      assertEquals(List.of("auto", "cpu", "gpu"), found.devices());
      assertEquals(
          List.of("v7", "v8"),
          found.models().stream().map(ModelChoice::name).toList(),
          "parity fixtures in resources/models are not models");
    }
  }

  @Test
  void aQueueOfMixturesIsExtractedOneAfterTheOtherIntoOutputs() throws Exception {
    Path first = Files.copy(Examples.mixture(), dir.resolve("first.wav"));
    Path second = Files.copy(Examples.mixture(), dir.resolve("second.wav"));
    try (StudioFixture f = new StudioFixture(engine)) {
      ExtractionViewModel x = f.vm.extraction();
      f.vm.open(List.of(first, second));
      f.vm.reference().load(Examples.reference());
      x.models().forEach(t -> t.chosenProperty().set(t.model().name().equals("v7")));
      x.deviceProperty().set("cpu");
      assertTrue(x.canExtractProperty().get());

      x.extractQueue();

      assertTrue(f.dialogs.errors.isEmpty(), f.dialogs.errors.toString());
      AudioSignal mixture = AudioFiles.readMono(Examples.mixture());
      for (StudioItem item : f.vm.session().queue()) {
        assertEquals(ItemStatus.DONE, item.statusProperty().get(), item.name());
        AudioSignal out = item.outputs().get("v7").signal();
        assertEquals(mixture.sampleRate(), out.sampleRate(), "outputs come back at the input rate");
        assertEquals(mixture.length(), out.length());
      }
      assertEquals("CPU", x.deviceInUseProperty().get());
      assertEquals("Finished 2 of 2", x.progressTextProperty().get());
      assertFalse(x.runningProperty().get());
    }
  }

  @Test
  void aSilentReferenceFailsEveryItemWithOneLineNamingTheFile() throws Exception {
    Path silent = dir.resolve("silent.wav");
    AudioFiles.writeWav(silent, new AudioSignal(new float[16000], 16000), WavEncoding.PCM_16);
    Path second = Files.copy(Examples.mixture(), dir.resolve("second.wav"));
    try (StudioFixture f = new StudioFixture(engine)) {
      ExtractionViewModel x = f.vm.extraction();
      f.vm.open(List.of(Examples.mixture(), second));
      f.vm.reference().load(silent);

      x.extractQueue();

      assertEquals(1, f.dialogs.errors.size(), "one dialog, not one per mixture");
      String error = f.dialogs.errors.get(0);
      assertEquals("silent.wav: the reference is silent", error);
      for (StudioItem item : f.vm.session().queue()) {
        assertEquals(ItemStatus.FAILED, item.statusProperty().get(), item.name());
        assertTrue(item.outputs().isEmpty());
      }
      assertTrue(
          x.progressTextProperty().get().endsWith("4 failed"), x.progressTextProperty().get());
    }
  }

  @Test
  void aGpuThatIsNotThereIsAOneLineError() {
    ExtractionRequest request = request("gpu");
    TseException e =
        assertThrows(TseException.class, () -> engine.extract(request, progress(false)));
    assertTrue(e.getMessage().contains("no GPU"), e.getMessage());
  }

  @Test
  void aCancelledExtractionEndsWithoutOutput() {
    assertThrows(CancelledException.class, () -> engine.extract(request("cpu"), progress(true)));
  }

  private static ExtractionRequest request(String device) {
    try {
      return new ExtractionRequest(
          AudioFiles.readMono(Examples.mixture()),
          "mixture.wav",
          AudioFiles.readMono(Examples.reference()),
          "reference.wav",
          ModelCatalog.builtIn().get(0),
          device);
    } catch (TseException e) {
      throw new AssertionError(e);
    }
  }

  private static BackgroundTask.Progress progress(boolean cancelled) {
    return new BackgroundTask.Progress() {
      @Override
      public void update(double fraction, String message) {}

      @Override
      public boolean isCancelled() {
        return cancelled;
      }
    };
  }

  @Test
  void modelCardsBesideTheirModelsAreOfferedAndOtherJsonIsNot() throws Exception {
    Path shipped = ModelCatalog.defaultFolder();
    Files.copy(shipped.resolve("v7.json"), dir.resolve("v9.json"));
    Files.createSymbolicLink(dir.resolve("v9.pt"), shipped.resolve("v7.pt"));
    Files.copy(shipped.resolve("v7.parity.json"), dir.resolve("v9.parity.json"));
    Files.writeString(dir.resolve("junk.json"), "not a card");
    Files.writeString(dir.resolve("junk.pt"), "not a model");
    List<ModelChoice> models = ModelCatalog.discover(dir);
    assertEquals(List.of("v7", "v8", "v9"), models.stream().map(ModelChoice::name).toList());
    ModelChoice v9 = models.get(2);
    assertEquals(8000, v9.sampleRate());
    assertEquals(dir.resolve("v9.json").toAbsolutePath().normalize().toString(), v9.location());
    assertEquals("v7", models.get(0).location(), "shipped models go to the engine by name");

    TseException bad =
        assertThrows(TseException.class, () -> ModelCatalog.fromCard(dir.resolve("junk.json")));
    assertTrue(bad.getMessage().startsWith(dir.resolve("junk.json").toString()), bad.getMessage());
  }
}
