package org.tsestudio.engine.inference;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tsestudio.engine.JsonValues;
import org.tsestudio.engine.TseException;

/**
 * A model card: the JSON file written beside each exported TorchScript model ({@code
 * tsestudio.export}). Reading one checks every field the engine relies on, so a bad card fails with
 * one clear message before any audio is touched.
 *
 * @param name model name, {@code v7} or {@code v8}
 * @param version model version text
 * @param sampleRate the rate the model works at
 * @param parameters number of trainable parameters
 * @param modelArgs the model's construction arguments (numbers as Double, lists, text)
 * @param trainingData where its training data came from (source and licence)
 * @param steps training steps
 * @param metrics evaluation figures (name to value)
 * @param sha256 hex SHA-256 of the TorchScript file
 * @param reference the reference lengths the model is made for
 */
public record ModelCard(
    String name,
    String version,
    int sampleRate,
    long parameters,
    Map<String, Object> modelArgs,
    List<Map<String, Object>> trainingData,
    long steps,
    Map<String, Object> metrics,
    String sha256,
    ReferenceLimits reference) {

  /** Sample rates a model may work at. */
  public static final Set<Integer> MODEL_RATES =
      Set.of(8000, 16000, 22050, 24000, 32000, 44100, 48000);

  /** The reference length a model accepts, in seconds. */
  public record ReferenceLimits(double minSeconds, double maxSeconds) {}

  /** Reads and checks a card. */
  public static ModelCard read(Path file) throws TseException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TseException(file + ": model card not found");
    } catch (IOException e) {
      throw new TseException(file + ": cannot read the model card (" + e.getMessage() + ")");
    }
    JsonObject root;
    try {
      JsonElement element = JsonParser.parseString(text);
      if (!element.isJsonObject()) {
        throw new TseException(file + ": not a model card (expected a JSON object)");
      }
      root = element.getAsJsonObject();
    } catch (JsonParseException e) {
      throw new TseException(file + ": not a valid model card (broken JSON)");
    }
    return fromJson(file, root);
  }

  private static ModelCard fromJson(Path file, JsonObject root) throws TseException {
    Fields f = new Fields(file, root);
    String name = f.text("name");
    int sampleRate = (int) f.integer("sample_rate");
    if (!MODEL_RATES.contains(sampleRate)) {
      throw new TseException(file + ": unsupported model sample rate " + sampleRate + " Hz");
    }
    long parameters = f.integer("parameters");
    if (parameters <= 0) {
      throw new TseException(file + ": 'parameters' must be positive, got " + parameters);
    }
    String sha256 = f.text("sha256").toLowerCase(java.util.Locale.ROOT);
    if (!sha256.matches("[0-9a-f]{64}")) {
      throw new TseException(file + ": 'sha256' is not a SHA-256 hex digest");
    }
    JsonObject ref = f.object("reference");
    Fields r = new Fields(file, ref);
    double min = r.number("min_seconds");
    double max = r.number("max_seconds");
    if (!(min > 0 && max >= min && max <= 600)) {
      throw new TseException(
          file + ": reference limits must satisfy 0 < min_seconds <= max_seconds <= 600");
    }
    List<Map<String, Object>> data = new ArrayList<>();
    if (root.has("training_data") && root.get("training_data").isJsonArray()) {
      for (JsonElement item : root.getAsJsonArray("training_data")) {
        if (item.isJsonObject()) {
          data.add(JsonValues.toMap(item.getAsJsonObject()));
        }
      }
    }
    return new ModelCard(
        name,
        root.has("version") && !root.get("version").isJsonNull()
            ? root.get("version").getAsString()
            : "",
        sampleRate,
        parameters,
        JsonValues.toMap(f.object("model_args")),
        Collections.unmodifiableList(data),
        root.has("steps") && root.get("steps").isJsonPrimitive() ? f.integer("steps") : 0,
        root.has("metrics") && root.get("metrics").isJsonObject()
            ? JsonValues.toMap(root.getAsJsonObject("metrics"))
            : Map.of(),
        sha256,
        new ReferenceLimits(min, max));
  }

  /** A numeric model argument, or {@code fallback} when the card does not have it. */
  public double modelArg(String key, double fallback) {
    return modelArgs.get(key) instanceof Double value ? value : fallback;
  }

  /** Typed access to required fields, each failure naming the card and the field. */
  private record Fields(Path file, JsonObject object) {
    JsonElement get(String key) throws TseException {
      JsonElement value = object.get(key);
      if (value == null || value.isJsonNull()) {
        throw new TseException(file + ": model card lacks '" + key + "'");
      }
      return value;
    }

    String text(String key) throws TseException {
      JsonElement value = get(key);
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
        throw new TseException(file + ": '" + key + "' in the model card must be text");
      }
      return value.getAsString();
    }

    double number(String key) throws TseException {
      JsonElement value = get(key);
      if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
        throw new TseException(file + ": '" + key + "' in the model card must be a number");
      }
      return value.getAsDouble();
    }

    long integer(String key) throws TseException {
      double value = number(key);
      if (value != Math.rint(value)) {
        throw new TseException(file + ": '" + key + "' in the model card must be a whole number");
      }
      return (long) value;
    }

    JsonObject object(String key) throws TseException {
      JsonElement value = get(key);
      if (!value.isJsonObject()) {
        throw new TseException(file + ": '" + key + "' in the model card must be an object");
      }
      return value.getAsJsonObject();
    }
  }
}
