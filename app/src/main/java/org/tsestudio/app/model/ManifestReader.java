package org.tsestudio.app.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tsestudio.engine.TseException;

/**
 * Turns a description of mixtures with known answers into queue items: a dataset mixture manifest
 * ({@code *.jsonl}, one row per mixture: {@code id, mixture, reference, target}), a JSON array of
 * such rows, or an example file ({@code example.json}: {@code files.mixture.path} and so on). Paths
 * are relative to the manifest's folder.
 */
public final class ManifestReader {
  private ManifestReader() {}

  public static boolean isManifest(Path file) {
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".jsonl") || name.endsWith(".json");
  }

  public static List<StudioItem> read(Path file) throws TseException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw TseException.forFile(file, "cannot read manifest (" + e.getMessage() + ")", e);
    }
    Path folder = file.toAbsolutePath().getParent();
    List<StudioItem> items = new ArrayList<>();
    if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jsonl")) {
      String[] lines = text.split("\\R");
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].isBlank()) {
          JsonObject row = parseObject(file, lines[i], "line " + (i + 1));
          items.add(fromRow(file, folder, row, "line " + (i + 1)));
        }
      }
    } else {
      JsonElement root = parse(file, text, "document");
      if (root.isJsonArray()) {
        JsonArray rows = root.getAsJsonArray();
        for (int i = 0; i < rows.size(); i++) {
          if (!rows.get(i).isJsonObject()) {
            throw TseException.forFile(file, "entry " + (i + 1) + " is not an object");
          }
          items.add(fromRow(file, folder, rows.get(i).getAsJsonObject(), "entry " + (i + 1)));
        }
      } else if (root.isJsonObject() && root.getAsJsonObject().has("files")) {
        items.add(fromExample(file, folder, root.getAsJsonObject()));
      } else if (root.isJsonObject()) {
        items.add(fromRow(file, folder, root.getAsJsonObject(), "document"));
      } else {
        throw TseException.forFile(file, "expected a JSON object or array of mixtures");
      }
    }
    if (items.isEmpty()) {
      throw TseException.forFile(file, "the manifest lists no mixtures");
    }
    return items;
  }

  private static StudioItem fromRow(Path file, Path folder, JsonObject row, String where)
      throws TseException {
    Path mixture = path(file, folder, row, "mixture", where, true);
    String id = row.has("id") ? row.get("id").getAsString() : mixture.getFileName().toString();
    return new StudioItem(
        id,
        mixture,
        path(file, folder, row, "reference", where, false),
        path(file, folder, row, "target", where, false));
  }

  private static StudioItem fromExample(Path file, Path folder, JsonObject root)
      throws TseException {
    JsonElement files = root.get("files");
    if (!files.isJsonObject()) {
      throw TseException.forFile(file, "\"files\" must be an object");
    }
    JsonObject f = files.getAsJsonObject();
    Path mixture = examplePath(file, folder, f, "mixture", true);
    return new StudioItem(
        mixture.getFileName() + " (" + stemOf(file) + ")",
        mixture,
        examplePath(file, folder, f, "reference", false),
        examplePath(file, folder, f, "target", false));
  }

  private static String stemOf(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  private static Path examplePath(
      Path file, Path folder, JsonObject files, String key, boolean required) throws TseException {
    if (!files.has(key) || !files.get(key).isJsonObject()) {
      if (required) {
        throw TseException.forFile(file, "no files." + key + ".path");
      }
      return null;
    }
    return path(file, folder, files.getAsJsonObject(key), "path", "files." + key, required);
  }

  private static Path path(
      Path file, Path folder, JsonObject row, String key, String where, boolean required)
      throws TseException {
    JsonElement value = row.get(key);
    if (value == null || value.isJsonNull()) {
      if (required) {
        throw TseException.forFile(file, where + ": no \"" + key + "\" path");
      }
      return null;
    }
    if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
      throw TseException.forFile(file, where + ": \"" + key + "\" must be a path string");
    }
    Path p = Path.of(value.getAsString());
    return p.isAbsolute() ? p : folder.resolve(p).normalize();
  }

  private static JsonObject parseObject(Path file, String text, String where) throws TseException {
    JsonElement e = parse(file, text, where);
    if (!e.isJsonObject()) {
      throw TseException.forFile(file, where + " is not a JSON object");
    }
    return e.getAsJsonObject();
  }

  private static JsonElement parse(Path file, String text, String where) throws TseException {
    try {
      return JsonParser.parseString(text);
    } catch (JsonParseException e) {
      throw TseException.forFile(file, where + " is not valid JSON");
    }
  }
}
