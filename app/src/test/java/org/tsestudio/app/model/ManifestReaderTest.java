package org.tsestudio.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.engine.TseException;

class ManifestReaderTest {
  @TempDir Path dir;

  @Test
  void exampleJsonGivesMixtureReferenceAndTarget() throws Exception {
    List<StudioItem> items = ManifestReader.read(Examples.manifest());
    assertEquals(1, items.size());
    StudioItem item = items.get(0);
    assertEquals(Examples.mixture().toAbsolutePath().normalize(), item.mixturePath());
    assertEquals(Examples.reference().toAbsolutePath().normalize(), item.referencePath());
    assertEquals(Examples.target().toAbsolutePath().normalize(), item.targetPath());
  }

  @Test
  void jsonlRowsResolveRelativeToTheManifest() throws Exception {
    Path m = dir.resolve("test.jsonl");
    Files.writeString(
        m,
        "{\"id\": \"a\", \"mixture\": \"mix/a.wav\", \"reference\": \"ref/a.wav\","
            + " \"target\": \"tgt/a.wav\", \"interferers\": []}\n\n"
            + "{\"id\": \"b\", \"mixture\": \"mix/b.wav\", \"reference\": null}\n");
    List<StudioItem> items = ManifestReader.read(m);
    assertEquals(2, items.size());
    assertEquals("a", items.get(0).name());
    assertEquals(dir.resolve("tgt/a.wav"), items.get(0).targetPath());
    assertNull(items.get(1).referencePath());
  }

  @Test
  void badRowsNameTheFileAndTheLine() throws Exception {
    Path m = dir.resolve("bad.jsonl");
    Files.writeString(m, "{\"mixture\": \"a.wav\"}\n{\"reference\": \"b.wav\"}\n");
    TseException e = assertThrows(TseException.class, () -> ManifestReader.read(m));
    assertTrue(e.getMessage().contains("bad.jsonl"), e.getMessage());
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    Files.writeString(m, "[1, 2");
    Path j = dir.resolve("broken.json");
    Files.writeString(j, "[1, 2");
    assertTrue(
        assertThrows(TseException.class, () -> ManifestReader.read(j))
            .getMessage()
            .contains("not valid JSON"));
  }
}
