package org.tsestudio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tse dataset} and {@code tse train} run the real Python jobs and keep the job list. */
class JobCommandsTest {

  @TempDir Path dir;

  @Test
  void corpusThenTrainingThenTheJobList() throws Exception {
    String state = dir.resolve("state").toString();
    Path corpus = dir.resolve("corpus");
    CliRun built =
        CliRun.of(
            "dataset",
            "corpus",
            "--out",
            corpus.toString(),
            "--state-dir",
            state,
            "--no-install",
            "--engines",
            "flite",
            "--max-voices",
            "3",
            "--variants",
            "1",
            "--utts",
            "3",
            "--human",
            "none",
            "--noise",
            "none",
            "--rirs",
            "0",
            "--babble",
            "0",
            "--rate",
            "8000");
    assertEquals(0, built.exitCode(), built.err());
    assertTrue(built.out().contains(": finished"), built.out());
    assertTrue(built.err().contains("100%"), "progress bar: " + built.err());
    assertTrue(Files.exists(corpus.resolve("corpus.jsonl")));

    Path recipe = dir.resolve("tiny.yaml");
    Files.writeString(
        recipe,
        "name: tiny\nsample_rate: 8000\nsegment_seconds: 1.0\n"
            + "reference: {min_seconds: 0.5, max_seconds: 1.0}\ninterferers: {min: 1, max: 1}\n"
            + "sir_db: [-3.0, 3.0]\ninterferer_overlap: [1.0, 1.0]\nlevel_dbfs: [-28.0, -22.0]\n"
            + "sizes: {train: 8, valid: 4}\n");
    Path mixtures = dir.resolve("mixtures");
    CliRun generated =
        CliRun.of(
            "dataset",
            "generate",
            "--out",
            mixtures.toString(),
            "--state-dir",
            state,
            "--corpus",
            corpus.toString(),
            "--recipe",
            recipe.toString(),
            "--split",
            "train",
            "--count",
            "2");
    assertEquals(0, generated.exitCode(), generated.err());

    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        "model_name: v8\nmodel_args: {enc_filters: 32, kernel_size: 16, stride: 8, stage_dims: [32,"
            + " 48], stage_depths: [1, 1], ref_dim: 32, ref_depth: 1, d_state: 8, head_dim: 16,"
            + " chunk_size: 16, sample_rate: 8000}\ndata_mode: dynamic\n"
            + "corpus_dir: "
            + corpus
            + "\nrecipe: "
            + recipe
            + "\n"
            + "valid_manifest: "
            + mixtures.resolve("train.jsonl")
            + "\n"
            + "segment_seconds: 1.0\nbatch_size: 2\nnum_workers: 0\nsteps_per_epoch: 2\n"
            + "valid_batch_size: 2\nepochs: 1\nwarmup_steps: 1\nlog_every: 1\ndevice: cpu\n");
    Path run = dir.resolve("run");
    CliRun trained =
        CliRun.of(
            "train",
            "start",
            "--config",
            config.toString(),
            "--run-dir",
            run.toString(),
            "--state-dir",
            state);
    assertEquals(0, trained.exitCode(), trained.err());
    assertTrue(trained.err().contains("step 1 [train] loss="), trained.err());
    assertTrue(
        trained.out().contains(": finished; checkpoint " + run.resolve("last.pt")), trained.out());

    CliRun failed =
        CliRun.of(
            "train",
            "start",
            "--config",
            dir.resolve("none.yaml").toString(),
            "--run-dir",
            dir.resolve("run2").toString(),
            "--state-dir",
            state);
    assertEquals(1, failed.exitCode());
    assertTrue(failed.err().contains(": failed: "), failed.err());
    assertTrue(failed.err().contains("none.yaml"), failed.err());

    CliRun list = CliRun.of("train", "list", "--state-dir", state);
    assertEquals(0, list.exitCode(), list.err());
    String[] jobs = list.out().strip().split("\n");
    assertEquals(4, jobs.length, list.out());
    assertTrue(jobs[0].startsWith("corpus-") && jobs[0].contains(" succeeded "), jobs[0]);
    assertTrue(jobs[2].startsWith("train-") && jobs[2].contains(" succeeded "), jobs[2]);
    assertTrue(jobs[3].contains(" failed "), jobs[3]);

    CliRun resume = CliRun.of("train", "resume", "nope", "--state-dir", state);
    assertEquals("tse: nope: no such job in the list\n", resume.err());
  }
}
