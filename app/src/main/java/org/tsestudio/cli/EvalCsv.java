package org.tsestudio.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tsestudio.engine.TseException;

/** Reads back the per-item CSV that {@code tse eval --csv} writes ({@link EvalReport#csv()}). */
final class EvalCsv {

  private static final String[] COLUMNS = {
    "id", "si_sdr", "si_sdri", "sdr", "sdri", "stoi", "estoi", "wrong_speaker"
  };

  private EvalCsv() {}

  /** The items of {@code csv} by id, in file order. */
  static Map<String, ItemScore> read(Path csv) throws TseException {
    List<String> lines;
    try {
      lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TseException(csv + ": cannot read (" + e.getMessage() + ")");
    }
    if (lines.isEmpty()) {
      throw new TseException(csv + ": empty, not a tse eval CSV");
    }
    Map<String, Integer> column = new HashMap<>();
    List<String> header = fields(lines.get(0));
    for (int i = 0; i < header.size(); i++) {
      column.put(header.get(i), i);
    }
    for (String name : COLUMNS) {
      if (!column.containsKey(name)) {
        throw new TseException(csv + ": not a tse eval CSV (no '" + name + "' column)");
      }
    }
    Map<String, ItemScore> items = new LinkedHashMap<>();
    for (int n = 1; n < lines.size(); n++) {
      if (lines.get(n).isBlank()) {
        continue;
      }
      String where = csv + ":" + (n + 1);
      List<String> row = fields(lines.get(n));
      if (row.size() != header.size()) {
        throw new TseException(
            where + ": " + row.size() + " fields where the header has " + header.size());
      }
      String id = row.get(column.get("id"));
      ItemScore item =
          new ItemScore(
              id,
              optional(row, column, "group"),
              optional(row, column, "target_speaker"),
              number(row, column, "si_sdr", where),
              number(row, column, "si_sdri", where),
              number(row, column, "sdr", where),
              number(row, column, "sdri", where),
              number(row, column, "stoi", where),
              number(row, column, "estoi", where),
              Double.NaN,
              Boolean.parseBoolean(row.get(column.get("wrong_speaker"))));
      if (items.put(id, item) != null) {
        throw new TseException(where + ": item '" + id + "' appears twice");
      }
    }
    if (items.isEmpty()) {
      throw new TseException(csv + ": no items");
    }
    return items;
  }

  /** A column that older CSVs lack: null when absent or empty. */
  private static String optional(List<String> row, Map<String, Integer> column, String name) {
    String text = column.containsKey(name) ? row.get(column.get(name)) : "";
    return text.isEmpty() ? null : text;
  }

  private static double number(
      List<String> row, Map<String, Integer> column, String name, String where)
      throws TseException {
    String text = row.get(column.get(name));
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new TseException(where + ": " + name + " is not a number ('" + text + "')");
    }
  }

  /** The fields of one line; a field in double quotes may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
