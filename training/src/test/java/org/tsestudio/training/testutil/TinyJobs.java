package org.tsestudio.training.testutil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Inputs for real but tiny Python jobs, shared by the training module's end-to-end test and the
 * app's training panel test: a flite corpus of 4 voices, an 8 kHz recipe with 1 s segments, and a
 * narrow v8 trained a few steps on the CPU (the Python trainer tests use the same sizes).
 */
public final class TinyJobs {
  private TinyJobs() {}

  /** Options for build_corpus: 4 flite voices, 3 utterances each, nothing to download. */
  public static final String CORPUS_OPTIONS =
      "--no-install --engines flite --max-voices 4 --variants 1 --utts 3 --human none"
          + " --noise none --rirs 0 --babble 0 --rate 8000 --jobs 2";

  /** The options of {@link #CORPUS_OPTIONS} as separate arguments. */
  public static List<String> corpusOptions() {
    return List.of(CORPUS_OPTIONS.split(" "));
  }

  /** Writes the tiny mixture recipe to {@code dir/tiny.yaml}. */
  public static Path recipe(Path dir) throws Exception {
    return write(
        dir.resolve("tiny.yaml"),
        "name: tiny",
        "sample_rate: 8000",
        "segment_seconds: 1.0",
        "reference: {min_seconds: 0.5, max_seconds: 1.0}",
        "interferers: {min: 1, max: 1}",
        "sir_db: [-3.0, 3.0]",
        "interferer_overlap: [1.0, 1.0]",
        "level_dbfs: [-28.0, -22.0]",
        "sizes: {train: 8, valid: 4}");
  }

  /** A config training a narrow v8 for {@code epochs} epochs of 3 steps, validating each. */
  public static Path config(
      Path file, Path corpus, Path recipe, Path valid, int epochs, int checkpointEvery)
      throws Exception {
    return write(
        file,
        "model_name: v8",
        "model_args: {enc_filters: 32, kernel_size: 16, stride: 8, stage_dims: [32, 48],"
            + " stage_depths: [1, 1], ref_dim: 32, ref_depth: 1, d_state: 8, head_dim: 16,"
            + " chunk_size: 16, sample_rate: 8000}",
        "data_mode: dynamic",
        "corpus_dir: " + corpus,
        "recipe: " + recipe,
        "valid_manifest: " + valid,
        "segment_seconds: 1.0",
        "batch_size: 2",
        "num_workers: 0",
        "steps_per_epoch: 3",
        "valid_batch_size: 2",
        "lr: 3.0e-3",
        "warmup_steps: 2",
        "restart_period_epochs: 1",
        "log_every: 1",
        "device: cpu",
        "seed: 7",
        "epochs: " + epochs,
        "checkpoint_every: " + checkpointEvery);
  }

  private static Path write(Path file, String... lines) throws Exception {
    Files.writeString(file, String.join("\n", List.of(lines)) + "\n");
    return file;
  }
}
