package org.tsestudio.engine.inference;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.EngineException;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tsestudio.engine.TseException;

/**
 * Shares loaded models: the app opens the same model for every extraction, and loading a
 * TorchScript file costs seconds and a copy of the weights. Entries are counted and closed when
 * their last user closes.
 */
final class ModelCache {

  private static final Map<Key, Entry> LOADED = new HashMap<>();
  private static final Map<Key, Integer> USERS = new HashMap<>();

  private ModelCache() {}

  /** A shared loaded model. */
  record Entry(
      Key key,
      ModelFiles files,
      ModelCard card,
      Device device,
      ZooModel<TseInput, float[]> model) {}

  private record Key(Path torchScript, String sha256, String device) {}

  static synchronized Entry acquire(ModelFiles files, ModelCard card, Device device)
      throws TseException {
    Key key =
        new Key(files.torchScript().toAbsolutePath().normalize(), card.sha256(), device.toString());
    Entry entry = LOADED.get(key);
    if (entry == null) {
      entry = new Entry(key, files, card, device, load(files, card, device));
      LOADED.put(key, entry);
    }
    USERS.merge(key, 1, Integer::sum);
    return entry;
  }

  static synchronized void release(Entry entry) {
    int left = USERS.merge(entry.key(), -1, Integer::sum);
    if (left <= 0) {
      USERS.remove(entry.key());
      LOADED.remove(entry.key());
      entry.model().close();
    }
  }

  /** How many distinct models are loaded now (for tests and diagnostics). */
  static synchronized int loadedCount() {
    return LOADED.size();
  }

  private static ZooModel<TseInput, float[]> load(ModelFiles files, ModelCard card, Device device)
      throws TseException {
    DjlSetup.apply();
    Path file = files.torchScript();
    String fileName = file.getFileName().toString();
    Criteria<TseInput, float[]> criteria =
        Criteria.builder()
            .setTypes(TseInput.class, float[].class)
            .optModelPath(file.toAbsolutePath().getParent())
            .optModelName(fileName.substring(0, fileName.length() - ".pt".length()))
            .optEngine("PyTorch")
            .optDevice(device)
            // Models are exported on whatever device trained them; load the weights onto ours.
            .optOption("mapLocation", "true")
            .optTranslator(new TseTranslator())
            .build();
    ZooModel<TseInput, float[]> model;
    try {
      model = criteria.loadModel();
    } catch (ModelNotFoundException | MalformedModelException | IOException | EngineException e) {
      throw new TseException(
          file
              + ": not a TorchScript model DJL can load ("
              + Devices.firstLine(e.getMessage())
              + ")");
    }
    long parameters = ParameterCount.of(model);
    if (parameters != card.parameters()) {
      model.close();
      throw new TseException(
          files.card()
              + ": the card says "
              + card.parameters()
              + " parameters but "
              + fileName
              + " has "
              + parameters);
    }
    return model;
  }
}
