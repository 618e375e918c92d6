package org.tsestudio.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {
  @TempDir Path dir;

  @Test
  void roundTrip() throws Exception {
    SettingsStore store = new SettingsStore(dir.resolve("cfg/settings.json"));
    Settings s = store.load().settings();
    s.colourMap = "VIRIDIS";
    s.exportFolder = "/tmp/out";
    for (int i = 0; i < 15; i++) {
      s.addRecent("/data/" + i + ".wav");
    }
    store.save(s);
    SettingsStore.Loaded back = store.load();
    assertNull(back.problem());
    assertEquals("VIRIDIS", back.settings().colourMap);
    assertEquals("/tmp/out", back.settings().exportFolder);
    assertEquals(Settings.MAX_RECENT, back.settings().recentFiles.size());
    assertEquals("/data/14.wav", back.settings().recentFiles.get(0));
    try (var files = Files.list(dir.resolve("cfg"))) {
      assertEquals(1, files.count(), "no temp file left behind");
    }
  }

  @Test
  void damagedFileGivesDefaultsAndSaysSo() throws Exception {
    Path file = dir.resolve("settings.json");
    Files.writeString(file, "{ not json");
    SettingsStore.Loaded loaded = new SettingsStore(file).load();
    assertNotNull(loaded.problem());
    assertEquals("MAGMA", loaded.settings().colourMap);
  }
}
