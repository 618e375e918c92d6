package org.tsestudio.cli;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.tsestudio.engine.TseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tse compare}: paired comparison of two {@code tse eval --csv} files of the same set. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two models scored on the same mixtures (the --csv files of tse eval): per metric the"
          + " mean and median of the per-item differences (candidate minus baseline), a 95%% paired"
          + " bootstrap interval of the mean (10,000 resamples, seeded), the share of items the"
          + " candidate does better on, and which items change to or from the wrong speaker; per"
          + " target group (recorded, tts) or per target speaker (--by) as well."
    })
public final class CompareCommand implements Callable<Integer> {

  /** SI-SDR is left out: its per-item difference is the same as SI-SDRi's. */
  private static final List<Metric> METRICS =
      List.of(Metric.SI_SDRI, Metric.SDRI, Metric.STOI, Metric.ESTOI);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE", description = "eval CSV of the baseline")
  Path baseline;

  @Parameters(index = "1", paramLabel = "CANDIDATE", description = "eval CSV of the candidate")
  Path candidate;

  @Option(names = "--json", paramLabel = "FILE", description = "write the comparison as JSON")
  Path json;

  @Mixin BreakdownOption by;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "bootstrap seed (default: ${DEFAULT-VALUE})")
  long seed;

  /** The comparison over some pairs; Gson writes it with snake-case keys (wrong_speaker, ...). */
  record PairedSummary(
      int items, Map<String, PairedComparison> metrics, WrongSpeakerChange wrongSpeaker) {}

  /** Wrong-speaker rates of both models and how many items changed either way. */
  record WrongSpeakerChange(
      double baselineRate, double candidateRate, long fixed, @SerializedName("new") long broken) {}

  @Override
  public Integer call() throws TseException {
    Breakdown breakdown = by.breakdown();
    Map<String, ItemScore> base = EvalCsv.read(baseline);
    Map<String, ItemScore> cand = EvalCsv.read(candidate);
    List<ItemScore[]> pairs = pair(base, cand);
    PairedSummary all = summary(pairs);
    Map<String, PairedSummary> parts = new TreeMap<>();
    breakdown
        .split(pairs, pair -> pair[0])
        .forEach((key, members) -> parts.put(key, summary(members)));
    if (breakdown == Breakdown.SPEAKER && parts.isEmpty()) {
      throw new TseException(
          baseline + ": no target speakers to break down by (written before tse eval kept them?)");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text(all, parts));
    out.flush();
    if (json != null) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("baseline", baseline.toString());
      root.put("candidate", candidate.toString());
      root.put("seed", seed);
      root.put("items", all.items());
      root.put("metrics", all.metrics());
      root.put("wrong_speaker", all.wrongSpeaker());
      if (!parts.isEmpty()) {
        root.put(breakdown.jsonKey, parts);
      }
      AtomicText.write(
          json,
          new GsonBuilder()
                  .setPrettyPrinting()
                  .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
                  .create()
                  .toJson(root)
              + "\n");
    }
    return 0;
  }

  /** Baseline and candidate scores of each item, in the baseline's order; the sets must match. */
  private List<ItemScore[]> pair(Map<String, ItemScore> base, Map<String, ItemScore> cand)
      throws TseException {
    List<String> onlyBase = base.keySet().stream().filter(id -> !cand.containsKey(id)).toList();
    List<String> onlyCand = cand.keySet().stream().filter(id -> !base.containsKey(id)).toList();
    if (!onlyBase.isEmpty() || !onlyCand.isEmpty()) {
      throw new TseException(
          baseline
              + " and "
              + candidate
              + " score different items ("
              + onlyBase.size()
              + " only in the first"
              + (onlyBase.isEmpty() ? "" : ", e.g. " + onlyBase.get(0))
              + "; "
              + onlyCand.size()
              + " only in the second"
              + (onlyCand.isEmpty() ? "" : ", e.g. " + onlyCand.get(0))
              + ")");
    }
    List<ItemScore[]> pairs = new ArrayList<>();
    for (ItemScore b : base.values()) {
      ItemScore c = cand.get(b.id());
      for (Breakdown key : Breakdown.values()) {
        String inBase = key.keyOf(b);
        String inCand = key.keyOf(c);
        if (inBase != null && inCand != null && !inBase.equals(inCand)) {
          throw new TseException(
              b.id()
                  + ": "
                  + key.option
                  + " '"
                  + inBase
                  + "' in "
                  + baseline
                  + " but '"
                  + inCand
                  + "' in "
                  + candidate
                  + " (scored on different sets?)");
        }
      }
      pairs.add(new ItemScore[] {b, c});
    }
    return pairs;
  }

  private PairedSummary summary(List<ItemScore[]> pairs) {
    Map<String, PairedComparison> metrics = new LinkedHashMap<>();
    for (Metric metric : METRICS) {
      double[] b = pairs.stream().mapToDouble(p -> metric.of(p[0])).toArray();
      double[] c = pairs.stream().mapToDouble(p -> metric.of(p[1])).toArray();
      metrics.put(metric.key, PairedComparison.of(b, c, seed));
    }
    double n = pairs.size();
    WrongSpeakerChange wrong =
        new WrongSpeakerChange(
            pairs.stream().filter(p -> p[0].wrongSpeaker()).count() / n,
            pairs.stream().filter(p -> p[1].wrongSpeaker()).count() / n,
            pairs.stream().filter(p -> p[0].wrongSpeaker() && !p[1].wrongSpeaker()).count(),
            pairs.stream().filter(p -> !p[0].wrongSpeaker() && p[1].wrongSpeaker()).count());
    return new PairedSummary(pairs.size(), metrics, wrong);
  }

  private String text(PairedSummary all, Map<String, PairedSummary> parts) {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "%s against %s: %d paired items (candidate minus baseline)%n",
            candidate,
            baseline,
            all.items()));
    text.append(
        String.format(
            Locale.ROOT,
            "%-13s %9s  %-20s %11s %10s%n",
            "metric",
            "mean diff",
            "95% CI (bootstrap)",
            "median diff",
            "better on"));
    for (Metric metric : METRICS) {
      PairedComparison c = all.metrics().get(metric.key);
      text.append(
          String.format(
              Locale.ROOT,
              "%-13s %+9.3f  %-20s %+11.3f %9.1f%%%n",
              metric.label,
              c.meanDiff(),
              interval(c),
              c.medianDiff(),
              100 * c.betterShare()));
    }
    text.append("wrong speaker ").append(wrongLine(all.wrongSpeaker())).append('\n');
    String label = "%-" + Breakdown.labelWidth(parts.keySet()) + "s";
    parts.forEach(
        (part, summary) -> {
          PairedComparison c = summary.metrics().get(Metric.SI_SDRI.key);
          text.append(
              String.format(
                  Locale.ROOT,
                  label + " %4d items: SI-SDRi %+.3f %s, better on %.1f%%; wrong speaker %s%n",
                  part,
                  summary.items(),
                  c.meanDiff(),
                  interval(c),
                  100 * c.betterShare(),
                  wrongLine(summary.wrongSpeaker())));
        });
    return text.toString();
  }

  private static String interval(PairedComparison c) {
    return String.format(Locale.ROOT, "[%+.3f, %+.3f]", c.low(), c.high());
  }

  private static String wrongLine(WrongSpeakerChange w) {
    return String.format(
        Locale.ROOT,
        "%.1f%% -> %.1f%% (%d fixed, %d new)",
        100 * w.baselineRate(),
        100 * w.candidateRate(),
        w.fixed(),
        w.broken());
  }
}
