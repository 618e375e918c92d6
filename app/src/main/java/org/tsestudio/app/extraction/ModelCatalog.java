package org.tsestudio.app.extraction;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.inference.ModelCard;
import org.tsestudio.engine.inference.ModelFiles;

/**
 * The models the workstation offers: v7 and v8 always, then every further model card ({@code
 * <name>.json} beside {@code <name>.pt}) in the shipped models folder, so models added there appear
 * without code changes. Models registered from the training panel are added by {@link #fromCard}.
 */
public final class ModelCatalog {
  private ModelCatalog() {}

  /** The built-in descriptions of the two project models (the engine finds them by name). */
  public static List<ModelChoice> builtIn() {
    return List.of(
        new ModelChoice("v7", "causal · cross-attention · 8 kHz", 8000, null),
        new ModelChoice("v8", "bidirectional · 16 kHz", 16000, null));
  }

  /**
   * The shipped models folder: {@code resources/models} under {@code -Dtsestudio.home} or {@code
   * $TSE_HOME} (as the engine looks it up), else under the working folder or its first parent that
   * has one.
   */
  public static Path defaultFolder() {
    String home = System.getProperty(ModelFiles.HOME_PROPERTY, System.getenv(ModelFiles.HOME_ENV));
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath().resolve("resources").resolve("models");
    }
    Path here = Path.of("").toAbsolutePath();
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path models = dir.resolve("resources").resolve("models");
      if (Files.isDirectory(models)) {
        return models;
      }
    }
    return here.resolve("resources").resolve("models");
  }

  /**
   * Built-ins plus the other cards found in {@code folder}. Only a card with its TorchScript file
   * beside it counts (parity fixtures and other JSON files are not models); unreadable cards are
   * skipped, since the catalogue must not stop the workstation from starting.
   */
  public static List<ModelChoice> discover(Path folder) {
    Map<String, ModelChoice> models = new LinkedHashMap<>();
    for (ModelChoice m : builtIn()) {
      models.put(m.name(), m);
    }
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> cards = Files.newDirectoryStream(folder, "*.json")) {
        for (Path card : sorted(cards)) {
          if (models.containsKey(stem(card)) || !Files.isRegularFile(torchScriptOf(card))) {
            continue;
          }
          try {
            ModelChoice m = fromCard(card);
            models.putIfAbsent(m.name(), m);
          } catch (TseException e) {
            System.getLogger(ModelCatalog.class.getName())
                .log(System.Logger.Level.WARNING, e.getMessage());
          }
        }
      } catch (IOException e) {
        // The catalogue is a convenience: without the folder the built-ins remain.
      }
    }
    return new ArrayList<>(models.values());
  }

  /**
   * A model from its card, named after the card file (the name its outputs are kept and exported
   * under).
   *
   * @throws TseException when the card is missing, broken, or has no TorchScript file beside it
   */
  public static ModelChoice fromCard(Path card) throws TseException {
    Path file = card.toAbsolutePath().normalize();
    if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      throw new TseException(card + ": not a model card (a .json file beside its .pt)");
    }
    ModelCard read = ModelCard.read(file);
    if (!Files.isRegularFile(torchScriptOf(file))) {
      throw new TseException(torchScriptOf(file) + ": model file not found beside its card");
    }
    String base = stem(file);
    String version = read.version().isBlank() ? "" : " " + read.version();
    String description = base + version + " · " + formatRate(read.sampleRate());
    return new ModelChoice(base, description, read.sampleRate(), file);
  }

  private static String formatRate(int rate) {
    return rate % 1000 == 0
        ? rate / 1000 + " kHz"
        : String.format(Locale.ROOT, "%.2f kHz", rate / 1000.0);
  }

  private static List<Path> sorted(DirectoryStream<Path> paths) {
    List<Path> list = new ArrayList<>();
    paths.forEach(list::add);
    list.sort(null);
    return list;
  }

  private static Path torchScriptOf(Path card) {
    return card.resolveSibling(stem(card) + ".pt");
  }

  private static String stem(Path card) {
    String n = card.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }
}
