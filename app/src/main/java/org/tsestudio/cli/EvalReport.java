package org.tsestudio.cli;

import com.google.gson.GsonBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scores of a test set as a console table, CSV (one row an item) and JSON (summary + items).
 * The items are summarised per part of the {@link Breakdown} as well, when there are two or more
 * parts: a mean over recorded and synthetic targets hides how a model does on real voices, and a
 * mean over speakers hides which voices it fails on.
 */
record EvalReport(String model, String manifest, List<ItemScore> items, Breakdown by) {

  double wrongSpeakerRate() {
    return wrongSpeakerRate(items);
  }

  private static double wrongSpeakerRate(List<ItemScore> scores) {
    return scores.stream().filter(ItemScore::wrongSpeaker).count() / (double) scores.size();
  }

  /** The items of each part of the breakdown, by key; empty unless there are two or more. */
  Map<String, List<ItemScore>> parts() {
    return by.split(items, item -> item);
  }

  String table() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s on %s: %d items, wrong speaker %.1f%%%n",
            model,
            manifest,
            items.size(),
            100 * wrongSpeakerRate()));
    text.append(
        String.format(Locale.ROOT, "%-13s %9s %9s %9s%n", "metric", "mean", "median", "5th pct"));
    for (Metric metric : Metric.values()) {
      Summary s = Summary.of(items, metric::of);
      text.append(
          String.format(
              Locale.ROOT,
              "%-13s %9.3f %9.3f %9.3f%n",
              metric.label,
              s.mean(),
              s.median(),
              s.p5()));
    }
    Map<String, List<ItemScore>> parts = parts();
    String label = "%-" + Breakdown.labelWidth(parts.keySet()) + "s";
    parts.forEach(
        (part, scores) -> {
          Summary siSdri = Summary.of(scores, Metric.SI_SDRI::of);
          text.append(
              String.format(
                  Locale.ROOT,
                  label
                      + " %4d items: SI-SDRi mean %.3f, median %.3f, 5th pct %.3f;"
                      + " wrong speaker %.1f%%%n",
                  part,
                  scores.size(),
                  siSdri.mean(),
                  siSdri.median(),
                  siSdri.p5(),
                  100 * wrongSpeakerRate(scores)));
        });
    return text.toString();
  }

  String csv() {
    StringBuilder text =
        new StringBuilder(
            "id,si_sdr,si_sdri,sdr,sdri,stoi,estoi,interferer_si_sdr,wrong_speaker,group,"
                + "target_speaker\n");
    for (ItemScore item : items) {
      text.append(
          String.format(
              Locale.ROOT,
              "%s,%.4f,%.4f,%.4f,%.4f,%.5f,%.5f,%s,%b,%s,%s%n",
              csvField(item.id()),
              item.siSdr(),
              item.siSdri(),
              item.sdr(),
              item.sdri(),
              item.stoi(),
              item.estoi(),
              Double.isFinite(item.interfererSiSdr())
                  ? String.format(Locale.ROOT, "%.4f", item.interfererSiSdr())
                  : "",
              item.wrongSpeaker(),
              item.group() == null ? "" : item.group(),
              item.speaker() == null ? "" : csvField(item.speaker())));
    }
    return text.toString();
  }

  String json() {
    Map<String, Object> summary = summary(items);
    Map<String, Object> parts = new LinkedHashMap<>();
    parts().forEach((part, scores) -> parts.put(part, summary(scores)));
    if (!parts.isEmpty()) {
      summary.put(by.jsonKey, parts);
    }
    List<Map<String, Object>> rows =
        items.stream()
            .map(
                item -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("id", item.id());
                  row.put("si_sdr", item.siSdr());
                  row.put("si_sdri", item.siSdri());
                  row.put("sdr", item.sdr());
                  row.put("sdri", item.sdri());
                  row.put("stoi", item.stoi());
                  row.put("estoi", item.estoi());
                  row.put(
                      "interferer_si_sdr",
                      Double.isFinite(item.interfererSiSdr()) ? item.interfererSiSdr() : null);
                  row.put("wrong_speaker", item.wrongSpeaker());
                  row.put("group", item.group());
                  row.put("target_speaker", item.speaker());
                  return row;
                })
            .toList();
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("model", model);
    root.put("manifest", manifest);
    root.put("summary", summary);
    root.put("items", rows);
    return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(root) + "\n";
  }

  private static Map<String, Object> summary(List<ItemScore> scores) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("items", scores.size());
    summary.put("wrong_speaker_rate", wrongSpeakerRate(scores));
    for (Metric metric : Metric.values()) {
      Summary s = Summary.of(scores, metric::of);
      summary.put(metric.key, Map.of("mean", s.mean(), "median", s.median(), "p5", s.p5()));
    }
    return summary;
  }

  private static String csvField(String text) {
    return text.contains(",") || text.contains("\"")
        ? '"' + text.replace("\"", "\"\"") + '"'
        : text;
  }
}
