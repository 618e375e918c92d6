package org.tsestudio.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;

class JobRegistryTest {

  @TempDir Path dir;

  private JobRecord record(String id) {
    JobSpec spec =
        new JobSpec(JobKind.TRAIN, List.of("--config", "v8.yaml"), dir.resolve("runs/" + id), "");
    return JobRecord.create(
            id, spec, dir.resolve(id + ".jsonl"), dir.resolve(id + ".log"), Instant.now())
        .started(spec.args(), 4242, Instant.parse("2025-01-25T10:15:00.120Z"), 17);
  }

  @Test
  void jobsSurviveAReloadWithEveryField() throws Exception {
    Path file = dir.resolve("state/jobs.json");
    JobRegistry registry = JobRegistry.load(file);
    JobRecord first = record("train-1").withCheckpoint(dir.resolve("runs/train-1/last.pt"));
    JobRecord second =
        record("train-2").ended(JobState.FAILED, "loss is NaN", 1, null, Instant.now());
    registry.put(first);
    registry.put(second);

    JobRegistry reloaded = JobRegistry.load(file);
    assertEquals(List.of(first, second), reloaded.all());
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(
          List.of(file, file.resolveSibling("jobs.json.lock")),
          files.sorted().toList(),
          "no temporary file is left behind (the lock file stays)");
    }
    reloaded.remove("train-1");
    assertEquals(List.of(second), JobRegistry.load(file).all());
  }

  @Test
  void aMissingFileIsAnEmptyList() throws Exception {
    assertTrue(JobRegistry.load(dir.resolve("none.json")).all().isEmpty());
  }

  @Test
  void aCorruptFileIsOneClearError() throws Exception {
    Path file = dir.resolve("jobs.json");
    Files.writeString(file, "{\"version\": 1, \"jobs\": [ {\"id\": \"x\", ");
    TseException error = assertThrows(TseException.class, () -> JobRegistry.load(file));
    assertTrue(
        error.getMessage().startsWith(file + ": not a valid job registry"), error.getMessage());

    Files.writeString(file, "{\"version\": 7, \"jobs\": []}");
    error = assertThrows(TseException.class, () -> JobRegistry.load(file));
    assertTrue(error.getMessage().contains("format version 1"), error.getMessage());
  }

  @Test
  void aFailedWriteChangesNeitherTheFileNorTheList() throws Exception {
    Path file = dir.resolve("blocked/jobs.json");
    JobRegistry registry = JobRegistry.load(file);
    JobRecord first = record("train-1");
    registry.put(first);
    String before = Files.readString(file);
    // A folder where the lock file should go makes the change fail, even for root.
    Files.delete(file.resolveSibling("jobs.json.lock"));
    Files.createDirectories(file.resolveSibling("jobs.json.lock").resolve("x"));
    TseException error = assertThrows(TseException.class, () -> registry.put(record("train-2")));
    assertTrue(error.getMessage().startsWith(file + ": cannot lock the job registry"));
    assertEquals(List.of(first), registry.all());
    assertEquals(before, Files.readString(file));
  }

  @Test
  void twoProcessesSharingTheFileKeepEachOthersJobs() throws Exception {
    Path file = dir.resolve("jobs.json");
    JobRegistry app = JobRegistry.load(file);
    JobRegistry cli = JobRegistry.load(file);
    JobRecord fromApp = record("train-app");
    JobRecord fromCli = record("train-cli");
    app.put(fromApp);
    cli.put(fromCli); // cli loaded before the app's write: it must not drop the app's job
    assertEquals(List.of(fromApp, fromCli), JobRegistry.load(file).all());
    assertEquals(List.of(fromApp, fromCli), app.all(), "the app sees the CLI's job");
    JobRecord ended = fromApp.ended(JobState.SUCCEEDED, "finished", 0, null, Instant.now());
    cli.put(ended);
    assertEquals(ended, app.get("train-app").orElseThrow());
    // A late progress update of the same attempt cannot bring the ended job back to running.
    app.put(fromApp.withProgress(5, 10));
    assertEquals(ended, cli.get("train-app").orElseThrow());
  }
}
