package org.tsestudio.app.extraction;

import java.util.List;
import java.util.Optional;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.engine.TseException;

/**
 * Stands in when no extractor can run (no provider registered, or the PyTorch engine is missing):
 * it lists the models so the panel can be set up, says why Extract is disabled, and refuses to
 * produce anything (no fake output).
 */
public final class UnavailableExtractionService implements ExtractionService {
  public static final String REASON =
      "Extraction needs the DJL extractor (org.tsestudio.engine.inference), not in this build."
          + " Import outputs made elsewhere to compare them.";

  private final List<ModelChoice> models;
  private final String reason;

  public UnavailableExtractionService(List<ModelChoice> models) {
    this(models, REASON);
  }

  public UnavailableExtractionService(List<ModelChoice> models, String reason) {
    this.models = List.copyOf(models);
    this.reason = reason;
  }

  @Override
  public Optional<String> unavailableReason() {
    return Optional.of(reason);
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
  public ExtractionOutput extract(ExtractionRequest request, BackgroundTask.Progress progress)
      throws TseException {
    throw new TseException(reason);
  }
}
