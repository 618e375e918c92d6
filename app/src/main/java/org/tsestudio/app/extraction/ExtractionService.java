package org.tsestudio.app.extraction;

import java.util.List;
import java.util.Optional;
import org.tsestudio.app.core.BackgroundTask;

/**
 * What the workstation needs from a target speaker extractor. {@link EngineExtractionService}
 * adapts the DJL extractor in {@code org.tsestudio.engine.inference} and is registered as a {@link
 * java.util.ServiceLoader} provider ({@code META-INF/services/org.tsestudio.app.extraction
 * .ExtractionService}); {@link ExtractionServices#discover()} picks it up.
 */
public interface ExtractionService extends AutoCloseable {

  /** Empty when extraction can run; otherwise the reason, shown next to the disabled button. */
  Optional<String> unavailableReason();

  /** Models the user can choose, v7 and v8 first. */
  List<ModelChoice> models();

  /** Devices to run on, the preferred one first (e.g. {@code "auto"}, {@code "cpu"}). */
  List<String> devices();

  /**
   * Extracts the reference speaker from the mixture. Runs on a background thread; reports progress
   * and polls {@link BackgroundTask.Progress#isCancelled()}.
   *
   * @throws org.tsestudio.engine.TseException a one-line reason naming the file (bad input, model
   *     missing, device failure)
   * @throws org.tsestudio.app.core.CancelledException when cancelled
   */
  ExtractionOutput extract(ExtractionRequest request, BackgroundTask.Progress progress)
      throws Exception;

  /** Frees loaded models; called when the workstation closes. */
  @Override
  default void close() {}
}
