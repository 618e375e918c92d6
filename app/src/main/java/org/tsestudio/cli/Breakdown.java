package org.tsestudio.cli;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.tsestudio.engine.TseException;

/**
 * What {@code tse eval} and {@code tse compare} break a set down by: the target's kind (recorded or
 * synthetic voice) or the target speaker. A mean over a whole set hides which voices a model fails
 * on; per speaker it shows them (spelled letters, a cartoon voice, a telephone prompt).
 */
enum Breakdown {
  GROUP("group", "groups", ItemScore::group),
  SPEAKER("speaker", "speakers", ItemScore::speaker);

  /** The value of {@code --by}. */
  final String option;

  /** The JSON key the breakdown is written under. */
  final String jsonKey;

  private final Function<ItemScore, String> keyOf;

  Breakdown(String option, String jsonKey, Function<ItemScore, String> keyOf) {
    this.option = option;
    this.jsonKey = jsonKey;
    this.keyOf = keyOf;
  }

  static Breakdown parse(String text) throws TseException {
    for (Breakdown b : values()) {
      if (b.option.equals(text)) {
        return b;
      }
    }
    throw new TseException("--by: '" + text + "' is not one of group, speaker");
  }

  /** The key of an item, null when its set does not say (e.g. a manifest without speakers). */
  String keyOf(ItemScore item) {
    return keyOf.apply(item);
  }

  /**
   * The elements of each key, by key; empty unless there are two or more keys, since one part is
   * the whole set again.
   */
  <T> Map<String, List<T>> split(List<T> elements, Function<T, ItemScore> item) {
    Map<String, List<T>> parts =
        elements.stream()
            .filter(e -> keyOf(item.apply(e)) != null)
            .collect(
                Collectors.groupingBy(
                    e -> keyOf(item.apply(e)), TreeMap::new, Collectors.toList()));
    return parts.size() > 1 ? parts : Map.of();
  }

  /** Width of the label column for these keys (at least that of "recorded"). */
  static int labelWidth(Iterable<String> keys) {
    int width = 9;
    for (String key : keys) {
      width = Math.max(width, key.length());
    }
    return width;
  }
}
