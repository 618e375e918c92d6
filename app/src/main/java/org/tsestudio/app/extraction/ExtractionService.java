package org.tsestudio.app.extraction;

import java.util.List;
import java.util.Optional;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * What the workstation needs from a target speaker extractor. The DJL extractor in {@code
 * org.tsestudio.engine.inference} is adapted to this interface and registered as a {@link
 * java.util.ServiceLoader} provider ({@code META-INF/services/org.tsestudio.app.extraction
 * .ExtractionService}); {@link ExtractionServices#discover()} picks it up.
 */
public interface ExtractionService {

  /** Empty when extraction can run; otherwise the reason, shown next to the disabled button. */
  Optional<String> unavailableReason();

  /** Models the user can choose, v7 and v8 first. */
  List<ModelChoice> models();

  /** Devices to run on, the preferred one first (e.g. {@code "cuda:0"}, {@code "cpu"}). */
  List<String> devices();

  /**
   * Extracts the reference speaker from the mixture. Runs on a background thread; reports progress
   * and polls {@link BackgroundTask.Progress#isCancelled()} between chunks.
   *
   * @return the extracted voice at the model's sample rate
   * @throws TseException a one-line reason (bad input, model missing, device failure)
   * @throws org.tsestudio.app.core.CancelledException when cancelled
   */
  AudioSignal extract(ExtractionRequest request, BackgroundTask.Progress progress) throws Exception;
}
