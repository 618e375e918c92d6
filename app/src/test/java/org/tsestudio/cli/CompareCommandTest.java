package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tse compare} on CSVs written by the eval report itself. */
class CompareCommandTest {

  @TempDir Path dir;

  private static ItemScore item(String id, String group, double siSdri, boolean wrong) {
    return item(id, group, null, siSdri, wrong);
  }

  private static ItemScore item(
      String id, String group, String speaker, double siSdri, boolean wrong) {
    return new ItemScore(
        id, group, speaker, siSdri - 2, siSdri, siSdri - 1, siSdri + 0.5, 0.6, 0.4, -3, wrong);
  }

  private Path csv(String name, List<ItemScore> items) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, new EvalReport("m", "set.jsonl", items, Breakdown.GROUP).csv());
    return file;
  }

  @Test
  void reportsPairedDifferencesWithIntervalsGroupsAndWrongSpeakerChanges() throws Exception {
    Random random = new Random(7);
    List<ItemScore> base = new ArrayList<>();
    List<ItemScore> cand = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String group = i < 100 ? "recorded" : "tts";
      double score = 5 + 3 * random.nextGaussian();
      // The candidate gains 1 dB on average, with item-to-item noise of 0.5 dB; item 0 stops being
      // the wrong speaker, items 1 and 2 become it.
      double gain = (group.equals("recorded") ? 0.5 : 1.25) + 0.5 * random.nextGaussian();
      base.add(item("it-" + i, group, score, i == 0));
      cand.add(item("it-" + i, group, score + gain, i == 1 || i == 2));
    }
    Path json = dir.resolve("cmp.json");
    CliRun run =
        CliRun.of(
            "compare",
            csv("a.csv", base).toString(),
            csv("b.csv", cand).toString(),
            "--json",
            json.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains(": 300 paired items"), run.out());
    assertTrue(run.out().contains("wrong speaker 0.3% -> 0.7% (1 fixed, 2 new)"), run.out());
    assertTrue(run.out().contains("\nrecorded   100 items: SI-SDRi +0."), run.out());

    JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject si = root.getAsJsonObject("metrics").getAsJsonObject("si_sdri");
    double mean = si.get("mean_diff").getAsDouble();
    assertEquals(1.0, mean, 0.1); // (100 x 0.5 + 200 x 1.25) / 300
    // Paired: the interval follows the 0.5 dB noise of the differences (+-0.06 here), not the
    // 3 dB spread of the scores.
    double low = si.get("low").getAsDouble();
    double high = si.get("high").getAsDouble();
    assertTrue(low < mean && mean < high && high - low < 0.3, low + " " + high);
    JsonObject recorded =
        root.getAsJsonObject("groups").getAsJsonObject("recorded").getAsJsonObject("metrics");
    assertEquals(0.5, recorded.getAsJsonObject("si_sdri").get("mean_diff").getAsDouble(), 0.15);

    // A file against itself: no difference at all, and the same digits every run (seeded).
    CliRun same =
        CliRun.of("compare", csv("a.csv", base).toString(), dir.resolve("a.csv").toString());
    assertTrue(same.out().contains("SI-SDRi (dB)     +0.000  [+0.000, +0.000]"), same.out());
    assertEquals(
        same.out(),
        CliRun.of("compare", dir.resolve("a.csv").toString(), dir.resolve("a.csv").toString())
            .out());
  }

  @Test
  void intervalOfAConstantGainIsThatGain() {
    PairedComparison c = PairedComparison.of(new double[] {1, 2, 3}, new double[] {3, 4, 5}, 1);
    assertEquals(2.0, c.meanDiff(), 1e-12);
    assertEquals(2.0, c.low(), 1e-12);
    assertEquals(2.0, c.high(), 1e-12);
    assertEquals(1.0, c.betterShare());
  }

  @Test
  void mismatchedOrMalformedFilesFailWithOneLine() throws Exception {
    Path a = csv("a.csv", List.of(item("x", "tts", 1, false), item("y", "tts", 2, false)));
    Path b = csv("b.csv", List.of(item("x", "tts", 1, false), item("z", "tts", 2, false)));
    CliRun run =
        CliRun.of(
            "compare", a.toString(), b.toString(), "--json", dir.resolve("o.json").toString());
    assertEquals(1, run.exitCode());
    assertEquals(
        "tse: "
            + a
            + " and "
            + b
            + " score different items (1 only in the first, e.g. y; 1 only"
            + " in the second, e.g. z)\n",
        run.err());
    assertFalse(Files.exists(dir.resolve("o.json")));

    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, Files.readString(a).replace(",1.0000,", ",one,"));
    run = CliRun.of("compare", a.toString(), bad.toString());
    assertEquals("tse: " + bad + ":2: si_sdri is not a number ('one')\n", run.err());

    Files.writeString(bad, "id,score\nx,1\n");
    run = CliRun.of("compare", bad.toString(), a.toString());
    assertEquals("tse: " + bad + ": not a tse eval CSV (no 'si_sdr' column)\n", run.err());
    run = CliRun.of("compare", dir.resolve("missing.csv").toString(), a.toString());
    assertTrue(
        run.err().startsWith("tse: " + dir.resolve("missing.csv") + ": cannot read"), run.err());
    assertEquals(1, run.errLines().length);
  }

  @Test
  void breaksTheComparisonDownBySpeaker() throws Exception {
    List<ItemScore> base = new ArrayList<>();
    List<ItemScore> cand = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // The candidate gains 2 dB on the letters speaker and nothing on the other.
      String speaker = i % 2 == 0 ? "klettres-hu" : "asterisk-en";
      base.add(item("it-" + i, "recorded", speaker, i % 5, false));
      cand.add(item("it-" + i, "recorded", speaker, i % 5 + (i % 2 == 0 ? 2 : 0), i == 3));
    }
    Path a = csv("a.csv", base);
    Path b = csv("b.csv", cand);
    Path json = dir.resolve("cmp.json");
    CliRun run =
        CliRun.of("compare", a.toString(), b.toString(), "--by", "speaker", "--json", "" + json);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(
        run.out().contains("\nklettres-hu   20 items: SI-SDRi +2.000 [+2.000, +2.000]"), run.out());
    assertTrue(
        run.out().contains("\nasterisk-en   20 items: SI-SDRi +0.000 [+0.000, +0.000]"), run.out());
    JsonObject speakers =
        JsonParser.parseString(Files.readString(json))
            .getAsJsonObject()
            .getAsJsonObject("speakers");
    assertEquals(
        1,
        speakers
            .getAsJsonObject("asterisk-en")
            .getAsJsonObject("wrong_speaker")
            .get("new")
            .getAsInt());
    // One group only: the default breakdown has nothing to add to the whole-set lines.
    assertFalse(CliRun.of("compare", a.toString(), b.toString()).out().contains("20 items"));

    // CSVs from before the target_speaker column: a clear error rather than an empty breakdown.
    Path old = dir.resolve("old.csv");
    Files.writeString(
        old,
        Files.readString(a)
            .replaceAll(",klettres-hu|,asterisk-en", "")
            .replace(",target_speaker", ""));
    run = CliRun.of("compare", old.toString(), old.toString(), "--by", "speaker");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("tse: " + old + ": no target speakers"), run.err());

    Path other = csv("c.csv", List.of(item("it-0", "recorded", "someone", 0, false)));
    Path one = csv("d.csv", List.of(base.get(0)));
    run = CliRun.of("compare", one.toString(), other.toString());
    assertEquals(
        "tse: it-0: speaker 'klettres-hu' in "
            + one
            + " but 'someone' in "
            + other
            + " (scored on different sets?)\n",
        run.err());
  }

  @Test
  void quotedIdsKeepTheirCommas() {
    assertEquals(List.of("a,b", "say \"hi\"", ""), EvalCsv.fields("\"a,b\",\"say \"\"hi\"\"\","));
  }
}
