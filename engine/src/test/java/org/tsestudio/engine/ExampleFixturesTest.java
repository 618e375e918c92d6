package org.tsestudio.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.ExampleAudio;

/** The committed example audio is what example.json says it is. */
class ExampleFixturesTest {

  @Test
  void filesMatchTheirDescription() throws IOException {
    JsonObject d =
        JsonParser.parseString(
                Files.readString(
                    ExampleAudio.dir().resolve("example.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertEquals(ExampleAudio.SAMPLE_RATE, d.get("sample_rate").getAsInt());
    JsonObject files = d.getAsJsonObject("files");
    for (String name : new String[] {"mixture", "target", "interferer", "reference"}) {
      JsonObject f = files.getAsJsonObject(name);
      float[] x = ExampleAudio.read(f.get("path").getAsString());
      assertEquals(f.get("samples").getAsInt(), x.length, name);
    }
    double referenceSeconds = files.getAsJsonObject("reference").get("seconds").getAsDouble();
    assertTrue(referenceSeconds >= 3 && referenceSeconds <= 5, "reference " + referenceSeconds);
    assertEquals(
        files.getAsJsonObject("target").get("speaker").getAsString(),
        files.getAsJsonObject("reference").get("speaker").getAsString());
  }

  @Test
  void mixtureIsExactlyTargetPlusInterferer() throws IOException {
    float[] mixture = ExampleAudio.read("mixture.wav");
    float[] target = ExampleAudio.read("target.wav");
    float[] interferer = ExampleAudio.read("interferer.wav");
    for (int i = 0; i < mixture.length; i++) {
      // 16-bit values scaled by 1/32768 add exactly in float.
      assertEquals(target[i] + interferer[i], mixture[i], 0f, "sample " + i);
    }
  }
}
