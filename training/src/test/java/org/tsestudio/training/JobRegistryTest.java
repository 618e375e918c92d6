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
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
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
  void aFailedWriteKeepsTheListInStepWithTheFile() throws Exception {
    Path file = dir.resolve("blocked/jobs.json");
    JobRegistry registry = JobRegistry.load(file);
    // A non-empty folder where the file should go makes the final rename fail, even for root.
    Files.createDirectories(file.resolve("occupied"));
    TseException error = assertThrows(TseException.class, () -> registry.put(record("train-1")));
    assertTrue(error.getMessage().startsWith(file + ": cannot write the job registry"));
    assertTrue(registry.all().isEmpty());
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "the temporary file is removed");
    }
  }
}
