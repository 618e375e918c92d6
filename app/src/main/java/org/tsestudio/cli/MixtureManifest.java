package org.tsestudio.cli;

import com.google.gson.JsonArray;
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
import java.util.List;
import org.tsestudio.engine.TseException;

/**
 * A static mixture manifest ({@code tsestudio.data.generate}, docs/INTERFACES.md): one JSON object
 * a line; paths relative to the manifest's folder.
 */
final class MixtureManifest {

  /**
   * One test item.
   *
   * @param where {@code manifest:line}, for messages
   * @param group whose voice the target is: {@code recorded} (a human recording) or {@code tts} (a
   *     synthetic voice) from the item's {@code real} field, or null when the manifest does not
   *     say; the evaluation reports each group apart because the two score very differently
   * @param speaker the target speaker (the item's {@code target_speaker}), null when not given
   */
  record Item(
      String where,
      String id,
      Path mixture,
      Path reference,
      Path target,
      List<Path> interferers,
      String group,
      String speaker) {}

  private MixtureManifest() {}

  static List<Item> read(Path manifest) throws TseException {
    List<String> lines;
    try {
      lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new TseException(manifest + ": manifest not found");
    } catch (IOException e) {
      throw new TseException(manifest + ": cannot read (" + e.getMessage() + ")");
    }
    Path root = manifest.toAbsolutePath().getParent();
    List<Item> items = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      String where = manifest + ":" + (n + 1);
      JsonObject row;
      try {
        JsonElement element = JsonParser.parseString(lines.get(n));
        if (!element.isJsonObject()) {
          throw new TseException(where + ": not a JSON object");
        }
        row = element.getAsJsonObject();
      } catch (JsonParseException e) {
        throw new TseException(where + ": not valid JSON");
      }
      List<Path> interferers = new ArrayList<>();
      if (row.has("interferers") && row.get("interferers").isJsonArray()) {
        JsonArray array = row.getAsJsonArray("interferers");
        for (JsonElement path : array) {
          interferers.add(root.resolve(path.getAsString()));
        }
      }
      items.add(
          new Item(
              where,
              text(row, "id", where),
              root.resolve(text(row, "mixture", where)),
              root.resolve(text(row, "reference", where)),
              root.resolve(text(row, "target", where)),
              List.copyOf(interferers),
              group(row),
              speaker(row)));
    }
    if (items.isEmpty()) {
      throw new TseException(manifest + ": manifest is empty");
    }
    return items;
  }

  private static String speaker(JsonObject row) {
    JsonElement speaker = row.get("target_speaker");
    if (speaker == null || !speaker.isJsonPrimitive() || speaker.getAsString().isBlank()) {
      return null;
    }
    return speaker.getAsString();
  }

  private static String group(JsonObject row) {
    JsonElement real = row.get("real");
    if (real == null || !real.isJsonPrimitive() || !real.getAsJsonPrimitive().isBoolean()) {
      return null;
    }
    return real.getAsBoolean() ? "recorded" : "tts";
  }

  private static String text(JsonObject row, String key, String where) throws TseException {
    JsonElement value = row.get(key);
    if (value == null || !value.isJsonPrimitive()) {
      throw new TseException(where + ": missing field '" + key + "'");
    }
    return value.getAsString();
  }
}
