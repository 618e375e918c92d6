package org.tsestudio.training;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tsestudio.engine.JsonValues;

/** Turns one stdout line of a {@code --progress json} job into a {@link JobEvent}. */
public final class JobEventParser {

  private JobEventParser() {}

  /**
   * Parses a line. Lines that are not a JSON object with a known {@code event} become {@link
   * JobEvent.Output}, so a stray print never stops a job's progress display.
   */
  public static JobEvent parse(String line) {
    JsonObject object = asEventObject(line);
    if (object == null) {
      return new JobEvent.Output(line);
    }
    Map<String, Object> fields = JsonValues.toMapWithPythonNonFinite(object);
    return switch (object.get("event").getAsString()) {
      case "progress" ->
          new JobEvent.Progress(
              longField(fields, "done"),
              longField(fields, "total"),
              text(fields, "message"),
              fields);
      case "metric" -> new JobEvent.Metric(longField(fields, "step"), numbers(fields), fields);
      case "done" -> new JobEvent.Done(text(fields, "message"), fields);
      case "error" -> new JobEvent.Failed(text(fields, "message"), fields);
      default -> new JobEvent.Output(line);
    };
  }

  private static JsonObject asEventObject(String line) {
    String trimmed = line.strip();
    if (!trimmed.startsWith("{")) {
      return null;
    }
    try {
      // Lenient parsing on purpose: Python's json.dumps writes NaN and Infinity for diverged
      // losses.
      JsonElement element = JsonParser.parseString(trimmed);
      if (!element.isJsonObject()) {
        return null;
      }
      JsonObject object = element.getAsJsonObject();
      JsonElement event = object.get("event");
      boolean named =
          event != null && event.isJsonPrimitive() && event.getAsJsonPrimitive().isString();
      return named ? object : null;
    } catch (JsonParseException e) {
      return null;
    }
  }

  private static Map<String, Double> numbers(Map<String, Object> fields) {
    Map<String, Double> values = new LinkedHashMap<>();
    fields.forEach(
        (key, value) -> {
          if (value instanceof Double number && !key.equals("step") && !key.equals("epoch")) {
            values.put(key, number);
          }
        });
    return Collections.unmodifiableMap(values);
  }

  private static long longField(Map<String, Object> fields, String key) {
    return fields.get(key) instanceof Double number && Double.isFinite(number)
        ? Math.round(number)
        : -1;
  }

  private static String text(Map<String, Object> fields, String key) {
    Object value = fields.get(key);
    return value == null ? "" : String.valueOf(value);
  }
}
