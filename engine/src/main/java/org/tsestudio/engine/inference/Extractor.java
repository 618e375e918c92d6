package org.tsestudio.engine.inference;

import ai.djl.engine.EngineException;
import ai.djl.inference.Predictor;
import ai.djl.translate.TranslateException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.Resampler;
import org.tsestudio.engine.audio.WavEncoding;

/**
 * Extracts one talker's voice from a mixture. The pipeline: mono input resampled to the model's
 * rate; the reference trimmed of silence and capped ({@link ReferenceClip}); the mixture run in
 * overlapping, cross-faded chunks sized to the free memory ({@link ChunkPlan}, {@link ChunkSizer});
 * the estimate resampled back to the input's rate and level-matched ({@link LevelMatch}).
 *
 * <p>Thread-safe: each call uses its own DJL predictor.
 */
public final class Extractor {

  /** Input sample rates accepted (anything in between is resampled to the model's rate). */
  public static final int MIN_INPUT_RATE = 8000;

  public static final int MAX_INPUT_RATE = 192000;

  /** A mixture whose loudest sample is below this (dBFS) is silent. */
  static final double SILENT_PEAK_DBFS = -70;

  static final double MIN_MIXTURE_SECONDS = 0.1;

  private final TseModel model;

  Extractor(TseModel model) {
    this.model = model;
  }

  public TseModel model() {
    return model;
  }

  /** Extracts without progress reports or cancellation. */
  public ExtractionResult extract(ExtractionRequest request) throws TseException {
    return extract(request, ExtractionListener.NONE, new Cancellation());
  }

  /** Extracts, reporting progress and stopping between chunks when cancelled. */
  public ExtractionResult extract(
      ExtractionRequest request, ExtractionListener listener, Cancellation cancellation)
      throws TseException {
    long started = System.nanoTime();
    ModelCard card = model.card();
    int rate = card.sampleRate();
    AudioSignal input = request.mixture();
    checkRate(input, request.mixtureName());
    checkRate(request.reference(), request.referenceName());
    checkMixture(input, request.mixtureName());

    listener.onProgress(0, "preparing the reference");
    float[] reference =
        ReferenceClip.prepare(
            Resampler.resample(
                request.reference().samples(), request.reference().sampleRate(), rate),
            rate,
            card.reference(),
            request.referenceName());
    float[] mixture = Resampler.resample(input.samples(), input.sampleRate(), rate);
    cancellation.check(request.mixtureName());

    ChunkPlan plan = new ChunkPlan(mixture.length, chunkSamples(rate), overlapSamples(rate));
    float[] estimate = new float[mixture.length];
    long inferenceNanos = 0;
    List<ChunkPlan.Chunk> chunks = plan.chunks();
    try (Predictor<TseInput, float[]> predictor = model.newPredictor()) {
      for (int i = 0; i < chunks.size(); i++) {
        cancellation.check(request.mixtureName());
        listener.onProgress(
            0.05 + 0.9 * i / chunks.size(),
            chunks.size() == 1
                ? "extracting"
                : "extracting chunk " + (i + 1) + " of " + chunks.size());
        ChunkPlan.Chunk chunk = chunks.get(i);
        float[] part = Arrays.copyOfRange(mixture, chunk.start(), chunk.end());
        long before = System.nanoTime();
        float[] out = predictor.predict(new TseInput(part, reference));
        inferenceNanos += System.nanoTime() - before;
        plan.addInto(estimate, i, out);
      }
    } catch (TranslateException | EngineException e) {
      throw new TseException(
          request.mixtureName()
              + ": inference with "
              + model.files().torchScript().getFileName()
              + " failed ("
              + rootMessage(e)
              + ")");
    }
    cancellation.check(request.mixtureName());

    listener.onProgress(0.95, "matching the level");
    float[] output =
        fitLength(Resampler.resample(estimate, rate, input.sampleRate()), input.length());
    double gain = LevelMatch.gain(output, input.samples());
    LevelMatch.apply(output, gain);
    listener.onProgress(1, "done");
    return new ExtractionResult(
        new AudioSignal(output, input.sampleRate()),
        reference.length / (double) rate,
        chunks.size(),
        gain,
        inferenceNanos / 1e9,
        (System.nanoTime() - started) / 1e9);
  }

  /**
   * Reads both files, extracts, and writes {@code output} as WAV atomically; refuses to overwrite
   * either input. Nothing is written when anything fails or the extraction is cancelled.
   */
  public ExtractionResult extractToFile(
      Path mixture,
      Path reference,
      Path output,
      WavEncoding encoding,
      ExtractionListener listener,
      Cancellation cancellation)
      throws TseException {
    refuseInputAsOutput(output, mixture, reference);
    ExtractionResult result =
        extract(ExtractionRequest.read(mixture, reference), listener, cancellation);
    cancellation.check(mixture.toString());
    AudioFiles.writeWav(output, result.audio(), encoding, mixture, reference);
    return result;
  }

  private static void refuseInputAsOutput(Path output, Path... inputs) throws TseException {
    Path target = output.toAbsolutePath().normalize();
    for (Path input : inputs) {
      if (input.toAbsolutePath().normalize().equals(target)) {
        throw new TseException(output + ": refusing to overwrite an input file");
      }
    }
  }

  // Chunk length and overlap are whole multiples of the model's frame grid, so every chunk sees
  // the same frame phase as whole-file processing would.
  private int chunkSamples(int rate) {
    double seconds = model.criteria().maxChunkSeconds();
    if (seconds <= 0) {
      seconds = ChunkSizer.chunkSeconds(model.card(), ChunkSizer.availableBytes(model));
    }
    int grid = ChunkSizer.frameGrid(model.card());
    return Math.max(2 * grid, (int) Math.round(seconds * rate) / grid * grid);
  }

  private int overlapSamples(int rate) {
    int grid = ChunkSizer.frameGrid(model.card());
    return Math.max(grid, (int) Math.round(model.criteria().overlapSeconds() * rate) / grid * grid);
  }

  private static void checkRate(AudioSignal signal, String name) throws TseException {
    int rate = signal.sampleRate();
    if (rate < MIN_INPUT_RATE || rate > MAX_INPUT_RATE) {
      throw new TseException(
          name
              + ": unsupported sample rate "
              + rate
              + " Hz (supported: "
              + MIN_INPUT_RATE
              + " to "
              + MAX_INPUT_RATE
              + " Hz)");
    }
  }

  private static void checkMixture(AudioSignal mixture, String name) throws TseException {
    if (mixture.durationSeconds() < MIN_MIXTURE_SECONDS) {
      throw new TseException(
          String.format(
              Locale.ROOT,
              "%s: the mixture is too short (%.2f s; at least %.1f s needed)",
              name,
              mixture.durationSeconds(),
              MIN_MIXTURE_SECONDS));
    }
    double peak = 0;
    for (float sample : mixture.samples()) {
      peak = Math.max(peak, Math.abs(sample));
    }
    if (peak < Math.pow(10, SILENT_PEAK_DBFS / 20)) {
      throw new TseException(name + ": the mixture is silent");
    }
  }

  private static float[] fitLength(float[] samples, int length) {
    return samples.length == length ? samples : Arrays.copyOf(samples, length);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return Devices.firstLine(root.getMessage() == null ? root.toString() : root.getMessage());
  }
}
