package org.tsestudio.engine;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gson trees to plain, unmodifiable Java values (maps, lists, Double, Boolean, String, null), for
 * the JSON that model cards and Python jobs write. Numbers are always Double so callers test one
 * type.
 */
public final class JsonValues {

  private JsonValues() {}

  /** The object as a map in its key order; text stays text. */
  public static Map<String, Object> toMap(JsonObject object) {
    return toMap(object, false);
  }

  /**
   * The object as a map, reading the bare {@code NaN}, {@code Infinity} and {@code -Infinity} that
   * Python's json module writes as doubles: Gson's lenient reader sees them as text.
   */
  public static Map<String, Object> toMapWithPythonNonFinite(JsonObject object) {
    return toMap(object, true);
  }

  private static Map<String, Object> toMap(JsonObject object, boolean pythonNonFinite) {
    Map<String, Object> map = new LinkedHashMap<>();
    object.entrySet().forEach(e -> map.put(e.getKey(), toJava(e.getValue(), pythonNonFinite)));
    return Collections.unmodifiableMap(map);
  }

  private static Object toJava(JsonElement element, boolean pythonNonFinite) {
    if (element.isJsonObject()) {
      return toMap(element.getAsJsonObject(), pythonNonFinite);
    }
    if (element.isJsonArray()) {
      List<Object> list = new ArrayList<>();
      element.getAsJsonArray().forEach(item -> list.add(toJava(item, pythonNonFinite)));
      return Collections.unmodifiableList(list);
    }
    if (element.isJsonNull()) {
      return null;
    }
    JsonPrimitive primitive = element.getAsJsonPrimitive();
    if (primitive.isBoolean()) {
      return primitive.getAsBoolean();
    }
    if (primitive.isNumber()) {
      return primitive.getAsDouble();
    }
    String text = primitive.getAsString();
    if (!pythonNonFinite) {
      return text;
    }
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> text;
    };
  }
}
