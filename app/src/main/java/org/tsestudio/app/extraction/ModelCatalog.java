package org.tsestudio.app.extraction;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The models the workstation offers: v7 and v8 always, then every model card ({@code <name>.json}
 * beside {@code <name>.pt}) in the shipped models folder, so models registered later appear without
 * code changes. A card's own sample rate wins over the built-in default.
 */
public final class ModelCatalog {
  private ModelCatalog() {}

  /** The built-in descriptions of the two project models. */
  public static List<ModelChoice> builtIn() {
    return List.of(
        new ModelChoice("v7", "causal · cross-attention · 8 kHz", 8000),
        new ModelChoice("v8", "bidirectional · 16 kHz", 16000));
  }

  /** The models folder: -Dtse.home or $TSE_HOME, else the working directory. */
  public static Path defaultFolder() {
    String home = System.getProperty("tse.home", System.getenv("TSE_HOME"));
    Path base = home == null || home.isBlank() ? Path.of("") : Path.of(home);
    return base.toAbsolutePath().resolve("resources").resolve("models");
  }

  /** Built-ins plus the cards found in {@code folder}; unreadable cards are skipped. */
  public static List<ModelChoice> discover(Path folder) {
    Map<String, ModelChoice> models = new LinkedHashMap<>();
    for (ModelChoice m : builtIn()) {
      models.put(m.name(), m);
    }
    if (Files.isDirectory(folder)) {
      try (DirectoryStream<Path> cards = Files.newDirectoryStream(folder, "*.json")) {
        for (Path card : cards) {
          ModelChoice m = readCard(card, models.get(stem(card)));
          if (m != null) {
            models.put(m.name(), m);
          }
        }
      } catch (IOException e) {
        // The catalogue is a convenience: without the folder the built-ins remain.
      }
    }
    return new ArrayList<>(models.values());
  }

  private static ModelChoice readCard(Path card, ModelChoice builtIn) {
    try {
      JsonObject o =
          JsonParser.parseString(Files.readString(card, StandardCharsets.UTF_8)).getAsJsonObject();
      String name = o.has("name") ? o.get("name").getAsString() : stem(card);
      int rate = o.has("sample_rate") ? o.get("sample_rate").getAsInt() : 16000;
      String version = o.has("version") ? " " + o.get("version").getAsString() : "";
      String description =
          builtIn != null ? builtIn.description() : name + version + " · " + rate / 1000 + " kHz";
      return new ModelChoice(name, description, rate);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String stem(Path card) {
    String n = card.getFileName().toString();
    return n.substring(0, n.length() - ".json".length());
  }
}
