package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.RandomInitModels;

/** {@code tse eval} on a manifest of the real example mixture. */
class EvalCommandTest {

  @TempDir Path dir;

  /**
   * Two items over the example files; the second swaps target and interferer and is marked as a
   * recorded voice, so the two fall in different groups.
   */
  private Path manifest() throws Exception {
    Path set = Files.createDirectories(dir.resolve("set/items"));
    for (String name : new String[] {"mixture", "target", "interferer", "reference"}) {
      Files.copy(ExampleAudio.dir().resolve(name + ".wav"), set.resolve(name + ".wav"));
    }
    String first =
        "{\"id\": \"ex-1\", \"mixture\": \"items/mixture.wav\", \"reference\":"
            + " \"items/reference.wav\", \"target\": \"items/target.wav\", \"interferers\":"
            + " [\"items/interferer.wav\"], \"sample_rate\": 16000, \"sir_db\": 0.0, \"snr_db\":"
            + " null, \"target_speaker\": \"slt\", \"reverb\": false, \"real\": false}";
    String second =
        first
            .replace("ex-1", "ex-2")
            .replace("items/target.wav", "items/TMP")
            .replace("[\"items/interferer.wav\"]", "[\"items/target.wav\"]")
            .replace("items/TMP", "items/interferer.wav")
            .replace("\"real\": false", "\"real\": true")
            .replace("\"target_speaker\": \"slt\"", "\"target_speaker\": \"rms\"");
    Path manifest = dir.resolve("set/test.jsonl");
    Files.writeString(manifest, first + "\n" + second + "\n");
    return manifest;
  }

  @Test
  void scoresEveryItemAndWritesCsvAndJson() throws Exception {
    Path csv = dir.resolve("scores.csv");
    Path json = dir.resolve("scores.json");
    CliRun result =
        CliRun.of(
            "eval",
            "--manifest",
            manifest().toString(),
            "--model",
            RandomInitModels.card(RandomInitModels.V8_SMALL).toString(),
            "--device",
            "cpu",
            "--csv",
            csv.toString(),
            "--json",
            json.toString());
    assertEquals(0, result.exitCode(), result.err());
    String table = result.out();
    assertTrue(table.contains(": 2 items, wrong speaker "), table);
    for (String metric : new String[] {"SI-SDRi (dB)", "SDRi (dB)", "STOI", "ESTOI"}) {
      assertTrue(table.contains("\n" + metric + " "), metric + " in\n" + table);
    }

    List<String> rows = Files.readAllLines(csv);
    assertEquals(3, rows.size());
    assertTrue(rows.get(1).startsWith("ex-1,"));
    JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject summary = report.getAsJsonObject("summary");
    assertEquals(2, summary.get("items").getAsInt());
    double first =
        report.getAsJsonArray("items").get(0).getAsJsonObject().get("si_sdri").getAsDouble();
    double second =
        report.getAsJsonArray("items").get(1).getAsJsonObject().get("si_sdri").getAsDouble();
    assertEquals(
        (first + second) / 2, summary.getAsJsonObject("si_sdri").get("mean").getAsDouble(), 1e-9);
    for (int i = 0; i < 2; i++) {
      double stoi =
          report.getAsJsonArray("items").get(i).getAsJsonObject().get("stoi").getAsDouble();
      assertTrue(stoi > 0 && stoi <= 1, "STOI " + stoi);
    }
    // The same output is scored against one talker as target and the other as interferer, so
    // exactly one of the two items counts as the wrong speaker.
    assertEquals(0.5, summary.get("wrong_speaker_rate").getAsDouble());

    // One item a group: each group's summary is that item's score, and the table lists both.
    JsonObject groups = summary.getAsJsonObject("groups");
    assertEquals(first, groupMean(groups, "tts"), 1e-9);
    assertEquals(second, groupMean(groups, "recorded"), 1e-9);
    assertEquals(
        1.0,
        groups.getAsJsonObject("tts").get("wrong_speaker_rate").getAsDouble()
            + groups.getAsJsonObject("recorded").get("wrong_speaker_rate").getAsDouble());
    assertTrue(table.contains("\nrecorded     1 items: SI-SDRi mean "), table);
    assertTrue(table.contains("\ntts          1 items: SI-SDRi mean "), table);
    assertTrue(
        rows.get(1).endsWith(",tts,slt") && rows.get(2).endsWith(",recorded,rms"), rows.toString());
    assertFalse(summary.has("speakers"));
  }

  @Test
  void breaksTheScoresDownBySpeakerOnRequest() throws Exception {
    Path json = dir.resolve("scores.json");
    String model = RandomInitModels.card(RandomInitModels.V8_SMALL).toString();
    String set = manifest().toString();
    CliRun result =
        CliRun.of(
            "eval", "--manifest", set, "--model", model, "--by", "speaker", "--json", "" + json);
    assertEquals(0, result.exitCode(), result.err());
    JsonObject report = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
    JsonObject speakers = report.getAsJsonObject("summary").getAsJsonObject("speakers");
    JsonArray items = report.getAsJsonArray("items");
    assertEquals("slt", items.get(0).getAsJsonObject().get("target_speaker").getAsString());
    assertEquals(
        items.get(1).getAsJsonObject().get("si_sdri").getAsDouble(), groupMean(speakers, "rms"));
    assertTrue(result.out().contains("\nrms          1 items: SI-SDRi mean "), result.out());

    CliRun bad = CliRun.of("eval", "--manifest", set, "--model", model, "--by", "voice");
    assertEquals(1, bad.exitCode());
    assertEquals("tse: --by: 'voice' is not one of group, speaker\n", bad.err());
  }

  private static double groupMean(JsonObject groups, String group) {
    return groups.getAsJsonObject(group).getAsJsonObject("si_sdri").get("mean").getAsDouble();
  }

  @Test
  void aManifestWithAMissingFileFailsWithItsLine() throws Exception {
    Path manifest = manifest();
    Files.delete(dir.resolve("set/items/target.wav"));
    CliRun result =
        CliRun.of(
            "eval",
            "--manifest",
            manifest.toString(),
            "--model",
            RandomInitModels.card(RandomInitModels.V8_SMALL).toString(),
            "--json",
            dir.resolve("r.json").toString());
    assertEquals(1, result.exitCode());
    assertTrue(result.err().contains("tse: " + dir.resolve("set/items/target.wav")), result.err());
    assertFalse(Files.exists(dir.resolve("r.json")));

    Files.writeString(manifest, "{\"id\": 1}\n");
    result = CliRun.of("eval", "--manifest", manifest.toString());
    assertEquals("tse: " + manifest + ":1: missing field 'mixture'\n", result.err());
  }

  @Test
  void itemScoresFlagTheWrongSpeaker() throws Exception {
    float[] mixture = AudioFiles.readMono(ExampleAudio.dir().resolve("mixture.wav")).samples();
    float[] target = AudioFiles.readMono(ExampleAudio.dir().resolve("target.wav")).samples();
    float[] other = AudioFiles.readMono(ExampleAudio.dir().resolve("interferer.wav")).samples();
    ItemScore right =
        ItemScore.of("m:1", "a", null, null, target, mixture, target, new float[][] {other}, 16000);
    ItemScore wrong =
        ItemScore.of("m:1", "a", null, null, other, mixture, target, new float[][] {other}, 16000);
    assertFalse(right.wrongSpeaker());
    assertTrue(wrong.wrongSpeaker());
    assertTrue(right.stoi() > 0.99 && right.siSdri() > 50);
    assertTrue(wrong.siSdri() < 0);
  }

  @Test
  void percentilesInterpolateLikeNumpy() {
    double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(1.45, Summary.percentile(sorted, 5), 1e-12); // numpy.percentile(range(1, 11), 5)
    assertEquals(5.5, Summary.percentile(sorted, 50), 1e-12);
  }
}
