package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tsestudio.engine.testutil.RandomInitModels;

/**
 * DJL must give what PyTorch gave: each exported model's parity fixture (input and the Python
 * output of the saved TorchScript) is run through the engine's translator and compared.
 */
class ParityTest {

  static Stream<Arguments> models() {
    return Stream.of(Arguments.of(RandomInitModels.V7), Arguments.of(RandomInitModels.V8));
  }

  @ParameterizedTest
  @MethodSource("models")
  void djlOutputEqualsPythonOutput(RandomInitModels.Variant variant) throws Exception {
    assertParity(RandomInitModels.card(variant), variant.name() + ".parity.json");
  }

  /**
   * The shipped, trained models: on the exporter's synthetic input and on the shipped example
   * (mixture and reference of resources/examples, written by {@code python -m tsestudio.parity}).
   */
  @ParameterizedTest
  @CsvSource({"v7,parity", "v7,example-parity", "v8,parity", "v8,example-parity"})
  void shippedModelsMatchPython(String name, String fixture) throws Exception {
    Path card = ModelFiles.embeddedModelsDir(name).resolve(name + ".json");
    assertParity(card, name + "." + fixture + ".json");
  }

  private static void assertParity(Path card, String fixtureFile) throws Exception {
    Path dir = card.getParent();
    String label = fixtureFile;
    JsonObject fixture =
        JsonParser.parseString(Files.readString(dir.resolve(fixtureFile))).getAsJsonObject();
    float[] mixture = readF32(dir, fixture, "mixture");
    float[] reference = readF32(dir, fixture, "reference");
    float[] expected = readF32(dir, fixture, "output");
    double tolerance = fixture.get("tolerance").getAsDouble();

    ExtractorCriteria criteria =
        ExtractorCriteria.builder().setModel(card).optDevice(DeviceChoice.CPU).build();
    try (TseModel model = criteria.loadModel();
        Predictor<TseInput, float[]> predictor = model.newPredictor()) {
      assertEquals(fixture.get("sample_rate").getAsInt(), model.card().sampleRate());
      float[] actual = predictor.predict(new TseInput(mixture, reference));
      assertEquals(expected.length, actual.length);
      double worst = 0;
      for (int i = 0; i < actual.length; i++) {
        worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
      }
      assertTrue(worst <= tolerance, label + ": max abs difference " + worst);
      assertTrue(rms(expected) > 1e-4, "the fixture output is not silence");
    }
  }

  private static float[] readF32(Path dir, JsonObject fixture, String part) throws Exception {
    JsonObject entry = fixture.getAsJsonObject(part);
    byte[] bytes = Files.readAllBytes(dir.resolve(entry.get("file").getAsString()));
    float[] samples = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(samples);
    assertEquals(entry.get("samples").getAsInt(), samples.length);
    return samples;
  }

  private static double rms(float[] x) {
    double sum = 0;
    for (float v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum / x.length);
  }
}
