package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.metrics.SeparationMetrics;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.RandomInitModels;

/**
 * A long mixture processed in cross-faded chunks must sound like the same mixture processed whole:
 * SI-SDR against the true target within 0.5 dB, and the two outputs close to each other.
 */
class ChunkedVersusWholeTest {

  static Stream<Arguments> models() {
    return Stream.of(
        Arguments.of(RandomInitModels.V8_SMALL), Arguments.of(RandomInitModels.V7_SMALL));
  }

  @ParameterizedTest
  @MethodSource("models")
  void chunkedAgreesWithWhole(RandomInitModels.Variant variant) throws Exception {
    // Three takes of the example back to back: about 15 s of two-talker speech at 16 kHz.
    float[] mixture = tile(read("mixture.wav"), 3);
    float[] target = tile(read("target.wav"), 3);
    ExtractionRequest request =
        new ExtractionRequest(
            new AudioSignal(mixture, 16000),
            "mix",
            AudioFiles.readMono(ExampleAudio.dir().resolve("reference.wav")),
            "ref");

    ExtractionResult whole = run(variant, 0, request);
    ExtractionResult chunked = run(variant, 5, request);
    assertEquals(1, whole.chunks());
    assertTrue(chunked.chunks() >= 4, "chunks: " + chunked.chunks());

    double wholeSdr = SeparationMetrics.siSdr(whole.audio().samples(), target);
    double chunkedSdr = SeparationMetrics.siSdr(chunked.audio().samples(), target);
    double agreement = SeparationMetrics.siSdr(chunked.audio().samples(), whole.audio().samples());
    String figures =
        String.format(
            "%s: SI-SDR whole %.2f dB, chunked %.2f dB, chunked vs whole %.1f dB",
            variant.name(), wholeSdr, chunkedSdr, agreement);
    System.out.println(figures);
    assertTrue(Math.abs(wholeSdr - chunkedSdr) <= 0.5, figures);
    assertTrue(agreement >= 20, figures);
  }

  private static ExtractionResult run(
      RandomInitModels.Variant variant, double chunkSeconds, ExtractionRequest request)
      throws Exception {
    ExtractorCriteria.Builder builder =
        ExtractorCriteria.builder()
            .setModel(RandomInitModels.card(variant))
            .optDevice(DeviceChoice.CPU)
            .optOverlapSeconds(2);
    // 0 s would size chunks from memory, which always fits 15 s; 600 s states it explicitly.
    builder.optMaxChunkSeconds(chunkSeconds == 0 ? 600 : chunkSeconds);
    try (TseModel model = builder.build().loadModel()) {
      return model.newExtractor().extract(request);
    }
  }

  private static float[] read(String name) throws Exception {
    return AudioFiles.readMono(ExampleAudio.dir().resolve(name)).samples();
  }

  private static float[] tile(float[] x, int times) {
    float[] out = new float[x.length * times];
    for (int i = 0; i < times; i++) {
      System.arraycopy(x, 0, out, i * x.length, x.length);
    }
    return out;
  }
}
