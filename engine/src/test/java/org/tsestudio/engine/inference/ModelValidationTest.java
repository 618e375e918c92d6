package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.testutil.RandomInitModels;

/** Every way a model on disk can be wrong ends in one clear message naming the file. */
class ModelValidationTest {

  @TempDir Path dir;
  private Path card;
  private Path pt;

  @BeforeEach
  void copyModel() throws Exception {
    Path source = RandomInitModels.card(RandomInitModels.V8_SMALL);
    card = dir.resolve("m.json");
    pt = dir.resolve("m.pt");
    Files.copy(source, card);
    Files.copy(source.resolveSibling("v8s.pt"), pt);
  }

  private String loadError(String model) {
    ExtractorCriteria criteria =
        ExtractorCriteria.builder().setModel(model).optDevice(DeviceChoice.CPU).build();
    return assertThrows(TseException.class, () -> criteria.loadModel().close()).getMessage();
  }

  private void editCard(String key, com.google.gson.JsonElement value) throws Exception {
    JsonObject json = JsonParser.parseString(Files.readString(card)).getAsJsonObject();
    if (value == null) {
      json.remove(key);
    } else {
      json.add(key, value);
    }
    Files.writeString(card, json.toString());
  }

  @Test
  void theCopiedModelLoadsByCardOrByTorchScriptPath() throws Exception {
    for (Path path : new Path[] {card, pt}) {
      try (TseModel model =
          ExtractorCriteria.builder()
              .setModel(path)
              .optDevice(DeviceChoice.CPU)
              .build()
              .loadModel()) {
        assertEquals(16000, model.card().sampleRate());
        assertEquals("cpu()", model.deviceName());
      }
    }
  }

  @Test
  void missingFiles() throws Exception {
    Files.delete(pt);
    assertEquals(pt + ": model file not found", loadError(card.toString()));
    assertEquals(
        dir.resolve("none.pt") + ": model file not found",
        loadError(dir.resolve("none.json").toString()));
    Files.copy(RandomInitModels.card(RandomInitModels.V8_SMALL).resolveSibling("v8s.pt"), pt);
    Files.delete(card);
    assertTrue(loadError(pt.toString()).startsWith(card + ": model card not found"));
    assertTrue(loadError(dir.resolve("m.onnx").toString()).contains("not a model"));
  }

  @Test
  void aDamagedTorchScriptFileFailsTheChecksum() throws Exception {
    byte[] bytes = Files.readAllBytes(pt);
    Files.write(pt, Arrays.copyOf(bytes, bytes.length / 2));
    String message = loadError(card.toString());
    assertTrue(message.startsWith(pt + ": SHA-256 "), message);
    assertTrue(message.contains("does not match its model card m.json"), message);
  }

  @Test
  void aCorruptFileWithAMatchingChecksumIsReportedByDjl() throws Exception {
    Files.writeString(pt, "this is not a TorchScript archive");
    editCard("sha256", new com.google.gson.JsonPrimitive(ModelFiles.sha256(pt)));
    String message = loadError(card.toString());
    assertTrue(message.startsWith(pt + ": not a TorchScript model DJL can load"), message);
  }

  @Test
  void badCards() throws Exception {
    Files.writeString(card, "{\"name\": \"v8\", ");
    assertEquals(card + ": not a valid model card (broken JSON)", loadError(card.toString()));

    copyModel2();
    editCard("sample_rate", null);
    assertEquals(card + ": model card lacks 'sample_rate'", loadError(card.toString()));

    copyModel2();
    editCard("sample_rate", new com.google.gson.JsonPrimitive(11025));
    assertEquals(card + ": unsupported model sample rate 11025 Hz", loadError(card.toString()));

    copyModel2();
    editCard("parameters", new com.google.gson.JsonPrimitive(12345));
    String message = loadError(card.toString());
    assertTrue(
        message.startsWith(card + ": the card says 12345 parameters but m.pt has "), message);

    copyModel2();
    editCard("reference", JsonParser.parseString("{\"min_seconds\": 5, \"max_seconds\": 2}"));
    assertTrue(loadError(card.toString()).startsWith(card + ": reference limits must satisfy"));
  }

  private void copyModel2() throws Exception {
    Files.delete(card);
    Files.delete(pt);
    copyModel();
  }

  @Test
  void unknownDeviceAndMissingGpu() throws Exception {
    assertEquals(
        "unknown device 'tpu' (use cpu, gpu or auto)",
        assertThrows(TseException.class, () -> DeviceChoice.parse("tpu")).getMessage());
    if (Devices.gpuCount() == 0) {
      ExtractorCriteria gpu =
          ExtractorCriteria.builder().setModel(card).optDevice(DeviceChoice.GPU).build();
      String message = assertThrows(TseException.class, gpu::loadModel).getMessage();
      assertTrue(message.startsWith("no GPU available to DJL"), message);
      try (TseModel auto =
          ExtractorCriteria.builder()
              .setModel(card)
              .optDevice(DeviceChoice.AUTO)
              .build()
              .loadModel()) {
        assertEquals("cpu()", auto.deviceName());
      }
    }
  }

  @Test
  void theSameModelIsLoadedOnceAndFreedWithItsLastUser() throws Exception {
    int before = ModelCache.loadedCount();
    ExtractorCriteria criteria =
        ExtractorCriteria.builder().setModel(card).optDevice(DeviceChoice.CPU).build();
    TseModel first = criteria.loadModel();
    TseModel second = criteria.loadModel();
    assertEquals(before + 1, ModelCache.loadedCount());
    first.close();
    assertEquals(before + 1, ModelCache.loadedCount());
    second.newExtractor(); // still usable
    second.close();
    assertEquals(before, ModelCache.loadedCount());
  }

  @Test
  void embeddedNamesResolveInTheInstallationsModelFolder() throws Exception {
    Path home = dir.resolve("home");
    Path models = Files.createDirectories(home.resolve("resources/models"));
    Files.copy(card, models.resolve("v8.json"));
    Files.copy(pt, models.resolve("v8.pt"));
    String before = System.getProperty(ModelFiles.HOME_PROPERTY);
    System.setProperty(ModelFiles.HOME_PROPERTY, home.toString());
    try {
      ModelFiles files = ModelFiles.resolve("V8");
      assertEquals(models.resolve("v8.pt"), files.torchScript());
      try (TseModel model =
          ExtractorCriteria.builder()
              .setModel("v8")
              .optDevice(DeviceChoice.CPU)
              .build()
              .loadModel()) {
        assertEquals(models.resolve("v8.json"), model.files().card());
      }
      assertEquals(models.resolve("v7.pt") + ": model file not found", loadError("v7"));
    } finally {
      if (before == null) {
        System.clearProperty(ModelFiles.HOME_PROPERTY);
      } else {
        System.setProperty(ModelFiles.HOME_PROPERTY, before);
      }
    }
  }
}
