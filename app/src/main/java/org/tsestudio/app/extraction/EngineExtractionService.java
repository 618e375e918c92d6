package org.tsestudio.app.extraction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.CancelledException;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.inference.Cancellation;
import org.tsestudio.engine.inference.DeviceChoice;
import org.tsestudio.engine.inference.ExtractionResult;
import org.tsestudio.engine.inference.ExtractorCriteria;
import org.tsestudio.engine.inference.TseModel;

/**
 * The workstation's extractor: the engine's DJL pipeline ({@code ExtractorCriteria -> TseModel ->
 * Extractor}) behind {@link ExtractionService}. Found through {@link java.util.ServiceLoader}.
 *
 * <p>Loaded models stay loaded until {@link #close()}, so the second extraction with a model does
 * not pay for loading it again. Long mixtures are cut into chunks of at most {@link
 * #CHUNK_SECONDS}: the engine reports progress and honours a cancel between chunks.
 */
public final class EngineExtractionService implements ExtractionService {

  /** The longest chunk; bounds how long a Cancel can take and how coarse progress is. */
  static final double CHUNK_SECONDS = 30;

  private static final String ENGINE_CLASS = "ai.djl.pytorch.engine.PtEngineProvider";
  private static final long CANCEL_POLL_MILLIS = 50;

  private final List<ModelChoice> models;
  private final Map<String, TseModel> loaded = new LinkedHashMap<>();
  private final ScheduledExecutorService cancelWatch =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "tse-extract-cancel-watch");
            t.setDaemon(true);
            return t;
          });

  /** The shipped models and the other cards in the models folder (ServiceLoader entry point). */
  public EngineExtractionService() {
    this(ModelCatalog.discover(ModelCatalog.defaultFolder()));
  }

  public EngineExtractionService(List<ModelChoice> models) {
    this.models = List.copyOf(models);
  }

  @Override
  public Optional<String> unavailableReason() {
    try {
      Class.forName(ENGINE_CLASS, false, getClass().getClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException e) {
      return Optional.of(
          "Extraction needs DJL's PyTorch engine (ai.djl.pytorch), which is not on the class path."
              + " Import outputs made elsewhere to compare them.");
    }
  }

  @Override
  public List<ModelChoice> models() {
    return models;
  }

  @Override
  public List<String> devices() {
    List<String> names = new ArrayList<>();
    for (DeviceChoice d : List.of(DeviceChoice.AUTO, DeviceChoice.CPU, DeviceChoice.GPU)) {
      names.add(d.name().toLowerCase(Locale.ROOT));
    }
    return names;
  }

  @Override
  public ExtractionOutput extract(ExtractionRequest request, BackgroundTask.Progress progress)
      throws TseException, CancelledException {
    DeviceChoice device = DeviceChoice.parse(request.device());
    checkCancelled(progress);
    progress.update(0, "loading " + request.model().name());
    TseModel model = model(request.model(), device);
    checkCancelled(progress);
    String where = describeDevice(model);
    Cancellation cancellation = new Cancellation();
    ScheduledFuture<?> watch =
        cancelWatch.scheduleAtFixedRate(
            () -> {
              if (progress.isCancelled()) {
                cancellation.cancel();
              }
            },
            0,
            CANCEL_POLL_MILLIS,
            TimeUnit.MILLISECONDS);
    try {
      ExtractionResult result =
          model
              .newExtractor()
              .extract(
                  new org.tsestudio.engine.inference.ExtractionRequest(
                      request.mixture(),
                      request.mixtureName(),
                      request.reference(),
                      request.referenceName()),
                  (fraction, stage) -> progress.update(fraction, stage + " · " + where),
                  cancellation);
      checkCancelled(progress);
      return new ExtractionOutput(result.audio(), where, result.totalSeconds());
    } catch (Cancellation.ExtractionCancelledException e) {
      throw new CancelledException();
    } finally {
      watch.cancel(false);
    }
  }

  /** The loaded model for this choice and device, loading it on first use. */
  private synchronized TseModel model(ModelChoice choice, DeviceChoice device) throws TseException {
    String key = choice.location() + "@" + device;
    TseModel model = loaded.get(key);
    if (model == null) {
      model =
          ExtractorCriteria.builder()
              .setModel(choice.location())
              .optDevice(device)
              .optMaxChunkSeconds(CHUNK_SECONDS)
              .build()
              .loadModel();
      loaded.put(key, model);
    }
    return model;
  }

  /** {@code cpu()} as "CPU", {@code gpu(1)} as "GPU 1" (DJL's device names). */
  static String describeDevice(TseModel model) {
    String name = model.deviceName();
    if (!model.onGpu()) {
      return "CPU";
    }
    String index = name.replaceAll("[^0-9]", "");
    return index.isEmpty() ? "GPU" : "GPU " + index;
  }

  private static void checkCancelled(BackgroundTask.Progress progress) throws CancelledException {
    if (progress.isCancelled()) {
      throw new CancelledException();
    }
  }

  @Override
  public synchronized void close() {
    loaded.values().forEach(TseModel::close);
    loaded.clear();
    cancelWatch.shutdownNow();
  }
}
