package org.tsestudio.engine.inference;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.repository.zoo.ZooModel;
import org.tsestudio.engine.TseException;

/**
 * A loaded, verified model. Loading the same file on the same device again shares the loaded
 * weights (see {@link ModelCache}); each {@code TseModel} must be closed, and the weights are freed
 * when the last one is. Thread-safe.
 */
public final class TseModel implements AutoCloseable {

  private final ExtractorCriteria criteria;
  private final ModelCache.Entry entry;
  private boolean closed;

  private TseModel(ExtractorCriteria criteria, ModelCache.Entry entry) {
    this.criteria = criteria;
    this.entry = entry;
  }

  static TseModel load(ExtractorCriteria criteria) throws TseException {
    ModelFiles files = ModelFiles.resolve(criteria.model());
    ModelCard card = files.readVerifiedCard();
    Device device = Devices.select(criteria.device());
    return new TseModel(criteria, ModelCache.acquire(files, card, device));
  }

  /** The model card (name, sample rate, reference limits, training data, metrics). */
  public ModelCard card() {
    return entry.card();
  }

  public ModelFiles files() {
    return entry.files();
  }

  /** Where it runs, e.g. {@code cpu()} or {@code gpu(0)}. */
  public String deviceName() {
    return entry.device().toString();
  }

  /** Whether it runs on a GPU. */
  public boolean onGpu() {
    return entry.device().isGpu();
  }

  public ExtractorCriteria criteria() {
    return criteria;
  }

  /** An extractor running this model; extractors are thread-safe and need no closing. */
  public Extractor newExtractor() {
    return new Extractor(this);
  }

  /** A predictor for one extraction (DJL predictors are not thread-safe, so one per call). */
  synchronized Predictor<TseInput, float[]> newPredictor() {
    if (closed) {
      throw new IllegalStateException(files().torchScript() + ": model already closed");
    }
    ZooModel<TseInput, float[]> model = entry.model();
    return model.newPredictor();
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      ModelCache.release(entry);
    }
  }
}
