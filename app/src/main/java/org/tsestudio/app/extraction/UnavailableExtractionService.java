package org.tsestudio.app.extraction;

import java.util.List;
import java.util.Optional;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * Stands in while no extractor is installed: it lists the models so the panel can be set up, says
 * why Extract is disabled, and refuses to produce anything (no fake output).
 */
public final class UnavailableExtractionService implements ExtractionService {
  public static final String REASON =
      "Extraction needs the DJL extractor (org.tsestudio.engine.inference), not in this build yet."
          + " Import outputs made elsewhere to compare them.";

  private final List<ModelChoice> models;

  public UnavailableExtractionService(List<ModelChoice> models) {
    this.models = List.copyOf(models);
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.of(REASON);
  }

  @Override
  public List<ModelChoice> models() {
    return models;
  }

  @Override
  public List<String> devices() {
    return List.of("cpu");
  }

  @Override
  public AudioSignal extract(ExtractionRequest request, BackgroundTask.Progress progress)
      throws TseException {
    throw new TseException(REASON);
  }
}
