package org.tsestudio.app.testutil;

import java.util.List;
import java.util.Random;
import org.tsestudio.app.StudioViewModel;
import org.tsestudio.app.core.Settings;
import org.tsestudio.app.extraction.ExtractionService;
import org.tsestudio.app.extraction.ModelCatalog;
import org.tsestudio.app.extraction.UnavailableExtractionService;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.playback.PlaybackEngine;
import org.tsestudio.app.reference.Recorder;

/**
 * A complete workstation view model on real services (engine audio I/O, javax.sound on ALSA's null
 * device) with tasks run inline and dialogs recorded.
 */
public final class StudioFixture implements AutoCloseable {
  public final RecordingDialogService dialogs = new RecordingDialogService();
  public final PlaybackEngine engine = new PlaybackEngine(PlaybackEngine.defaultSinks());
  public final StudioViewModel vm;

  /** A workstation whose extractor is unavailable (no DJL): for everything but extraction. */
  public StudioFixture() {
    this(new UnavailableExtractionService(ModelCatalog.builtIn()));
  }

  /** A workstation with the given extractor (the real {@code EngineExtractionService}). */
  public StudioFixture(ExtractionService extractor) {
    this(extractor, new Settings());
  }

  /** A workstation started with earlier settings. */
  public StudioFixture(ExtractionService extractor, Settings settings) {
    vm =
        new StudioViewModel(
            dialogs,
            new DirectTaskExecutor(),
            settings,
            new AudioLoader(),
            extractor,
            engine,
            new Recorder(),
            new Random(7));
  }

  /** Opens the example (mixture, reference, ground truth) and returns once it is loaded. */
  public StudioFixture withExample() {
    vm.open(List.of(Examples.manifest()));
    return this;
  }

  /** Imports real files as the two A/B outputs (the UI's "Import output" path). */
  public StudioFixture withOutputs() {
    vm.importOutput("v7", Examples.interferer());
    vm.importOutput("v8", Examples.target());
    return this;
  }

  @Override
  public void close() {
    engine.close();
  }
}
