package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.audio.WavEncoding;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.RandomInitModels;

/** The whole pipeline on the example speech (real audio) with a small random-init v8. */
class ExtractorTest {

  private static TseModel model;
  private static Extractor extractor;

  @TempDir Path dir;

  @BeforeAll
  static void load() throws Exception {
    model =
        ExtractorCriteria.builder()
            .setModel(RandomInitModels.card(RandomInitModels.V8_SMALL))
            .optDevice(DeviceChoice.CPU)
            .build()
            .loadModel();
    extractor = model.newExtractor();
  }

  @AfterAll
  static void close() {
    model.close();
  }

  private static AudioSignal example(String name) throws TseException {
    return AudioFiles.readMono(ExampleAudio.dir().resolve(name));
  }

  private Path write(String name, AudioSignal signal) throws TseException {
    Path file = dir.resolve(name);
    AudioFiles.writeWav(file, signal, WavEncoding.FLOAT_32);
    return file;
  }

  @Test
  void theOutputHasTheMixturesRateLengthAndAFittingLevel() throws Exception {
    AudioSignal mixture = example("mixture.wav");
    // 44.1 kHz in: resampled to the model's 16 kHz and back.
    AudioSignal at44k = Resampler.resample(mixture, 44100);
    List<String> stages = new ArrayList<>();
    ExtractionResult result =
        extractor.extract(
            new ExtractionRequest(at44k, "mix44.wav", example("reference.wav"), "reference.wav"),
            (fraction, stage) -> stages.add(stage),
            new Cancellation());
    AudioSignal out = result.audio();
    assertEquals(44100, out.sampleRate());
    assertEquals(at44k.length(), out.length());
    assertEquals(1, result.chunks());
    assertTrue(result.gain() > 0);
    assertEquals("done", stages.get(stages.size() - 1));
    double peak = 0;
    double outEnergy = 0;
    double mixEnergy = 0;
    for (int i = 0; i < out.length(); i++) {
      assertTrue(Float.isFinite(out.samples()[i]));
      peak = Math.max(peak, Math.abs(out.samples()[i]));
      outEnergy += out.samples()[i] * out.samples()[i];
      mixEnergy += at44k.samples()[i] * at44k.samples()[i];
    }
    assertTrue(peak <= LevelMatch.PEAK_LIMIT + 1e-6, "no clipping: peak " + peak);
    assertTrue(outEnergy > 0 && outEnergy <= mixEnergy, "a share of the mixture, not more");
    // The reference (4.75 s with its pauses) is used whole: below the 30 s cap.
    assertTrue(result.referenceSeconds() > 3 && result.referenceSeconds() <= 4.75);
  }

  @Test
  void badInputsAreRefusedWithOneLineNamingTheFile() throws Exception {
    AudioSignal mixture = example("mixture.wav");
    AudioSignal reference = example("reference.wav");
    float[] speech = reference.samples();

    AudioSignal silent = new AudioSignal(new float[16000 * 3], 16000);
    assertEquals("ref.wav: the reference is silent", error(mixture, silent));
    assertEquals("mix.wav: the mixture is silent", error(silent, reference));

    // 0.6 s of speech in 3 s of silence: too little to go by after trimming.
    float[] shortRef = new float[16000 * 3];
    System.arraycopy(speech, 16000, shortRef, 16000, 9600);
    String message = error(mixture, new AudioSignal(shortRef, 16000));
    assertTrue(
        message.startsWith("ref.wav: the reference has only 0.") && message.contains("1.0 s"),
        message);

    AudioSignal lowRate = Resampler.resample(mixture, 4000);
    assertEquals(
        "mix.wav: unsupported sample rate 4000 Hz (supported: 8000 to 192000 Hz)",
        error(lowRate, reference));
    assertTrue(
        error(new AudioSignal(Arrays.copyOf(mixture.samples(), 800), 16000), reference)
            .startsWith("mix.wav: the mixture is too short"));
  }

  private String error(AudioSignal mixture, AudioSignal reference) {
    ExtractionRequest request = new ExtractionRequest(mixture, "mix.wav", reference, "ref.wav");
    return assertThrows(TseException.class, () -> extractor.extract(request)).getMessage();
  }

  @Test
  void silenceAroundTheReferenceIsTrimmedAndLongReferencesAreCapped() throws Exception {
    float[] speech = example("reference.wav").samples();
    float[] padded = new float[speech.length + 5 * 16000];
    System.arraycopy(speech, 0, padded, 2 * 16000, speech.length);
    ModelCard.ReferenceLimits limits = new ModelCard.ReferenceLimits(1, 30);
    float[] trimmed = ReferenceClip.prepare(padded, 16000, limits, "ref.wav");
    float[] direct = ReferenceClip.prepare(speech, 16000, limits, "ref.wav");
    assertEquals(direct.length, trimmed.length, "the added silence is removed again");
    assertTrue(trimmed.length < speech.length + 0.2 * 16000);

    float[] capped = ReferenceClip.prepare(speech, 16000, new ModelCard.ReferenceLimits(1, 2), "r");
    assertEquals(2 * 16000, capped.length);
  }

  @Test
  void extractToFileWritesAtomicallyAndNothingOnError() throws Exception {
    Path mix = write("mix.wav", example("mixture.wav"));
    Path ref = write("ref.wav", example("reference.wav"));
    Path out = dir.resolve("out.wav");
    extractor.extractToFile(
        mix, ref, out, WavEncoding.PCM_16, ExtractionListener.NONE, new Cancellation());
    AudioSignal written = AudioFiles.readMono(out);
    assertEquals(AudioFiles.readMono(mix).length(), written.length());

    Path silentRef = write("silent.wav", new AudioSignal(new float[32000], 16000));
    Path out2 = dir.resolve("out2.wav");
    TseException error =
        assertThrows(
            TseException.class,
            () ->
                extractor.extractToFile(
                    mix,
                    silentRef,
                    out2,
                    WavEncoding.PCM_16,
                    ExtractionListener.NONE,
                    new Cancellation()));
    assertEquals(silentRef + ": the reference is silent", error.getMessage());
    assertFalse(Files.exists(out2));

    byte[] before = Files.readAllBytes(mix);
    error =
        assertThrows(
            TseException.class,
            () ->
                extractor.extractToFile(
                    mix,
                    ref,
                    mix,
                    WavEncoding.PCM_16,
                    ExtractionListener.NONE,
                    new Cancellation()));
    assertEquals(mix + ": refusing to overwrite an input file", error.getMessage());
    assertArrayEquals(before, Files.readAllBytes(mix));

    Cancellation cancelled = new Cancellation();
    cancelled.cancel();
    assertThrows(
        Cancellation.ExtractionCancelledException.class,
        () ->
            extractor.extractToFile(
                mix, ref, out2, WavEncoding.PCM_16, ExtractionListener.NONE, cancelled));
    assertFalse(Files.exists(out2));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of("mix.wav", "out.wav", "ref.wav", "silent.wav"),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary files are left");
    }
  }

  @Test
  void cancellingDuringAChunkedRunStopsAtTheNextChunk() throws Exception {
    try (TseModel chunked =
        ExtractorCriteria.builder()
            .setModel(RandomInitModels.card(RandomInitModels.V8_SMALL))
            .optDevice(DeviceChoice.CPU)
            .optMaxChunkSeconds(1.5)
            .optOverlapSeconds(0.5)
            .build()
            .loadModel()) {
      Cancellation cancellation = new Cancellation();
      List<String> stages = new ArrayList<>();
      ExtractionListener listener =
          (fraction, stage) -> {
            stages.add(stage);
            if (stage.startsWith("extracting chunk 2")) {
              cancellation.cancel();
            }
          };
      ExtractionRequest request =
          new ExtractionRequest(
              example("mixture.wav"), "mix.wav", example("reference.wav"), "ref.wav");
      TseException error =
          assertThrows(
              Cancellation.ExtractionCancelledException.class,
              () -> chunked.newExtractor().extract(request, listener, cancellation));
      assertEquals("mix.wav: extraction cancelled", error.getMessage());
      assertEquals("extracting chunk 2 of 5", stages.get(stages.size() - 1));
    }
  }
}
