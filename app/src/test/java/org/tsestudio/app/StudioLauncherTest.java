package org.tsestudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code tse studio} without a display: one line and a non-zero exit, not a toolkit trace. */
class StudioLauncherTest {

  private static Properties props(String os, String glass) {
    Properties properties = new Properties();
    properties.setProperty("os.name", os);
    if (glass != null) {
      properties.setProperty("glass.platform", glass);
    }
    return properties;
  }

  @Test
  void aDisplayIsNeededOnLinuxUnlessTheHeadlessPlatformIsChosen() {
    assertNotNull(StudioLauncher.displayProblem(Map.of(), props("Linux", null)));
    assertNotNull(StudioLauncher.displayProblem(Map.of("DISPLAY", " "), props("Linux", null)));
    assertNull(StudioLauncher.displayProblem(Map.of("DISPLAY", ":0"), props("Linux", null)));
    assertNull(
        StudioLauncher.displayProblem(
            Map.of("WAYLAND_DISPLAY", "wayland-0"), props("Linux", null)));
    assertNull(StudioLauncher.displayProblem(Map.of(), props("Linux", "Monocle")));
    assertNull(StudioLauncher.displayProblem(Map.of(), props("Windows 11", null)));
  }

  @Test
  void aRealLaunchWithoutADisplayPrintsOneLineAndExitsNonZero() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            StudioLauncher.class.getName());
    builder.environment().remove("DISPLAY");
    builder.environment().remove("WAYLAND_DISPLAY");
    Process process = builder.start();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "launcher did not exit");
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, process.exitValue(), err);
    assertEquals(
        "tse studio: no display (DISPLAY is not set): run it in a desktop session, or under"
            + " xvfb-run\n",
        err);
  }
}
