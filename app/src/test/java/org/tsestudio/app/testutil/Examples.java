package org.tsestudio.app.testutil;

import java.nio.file.Files;
import java.nio.file.Path;

/** The example fixtures in resources/examples (two flite voices, 16 kHz, mixture = sum). */
public final class Examples {
  private Examples() {}

  public static Path folder() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      Path candidate = p.resolve("resources").resolve("examples");
      if (Files.isRegularFile(candidate.resolve("example.json"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("resources/examples not found above " + here);
  }

  public static Path mixture() {
    return folder().resolve("mixture.wav");
  }

  public static Path reference() {
    return folder().resolve("reference.wav");
  }

  public static Path target() {
    return folder().resolve("target.wav");
  }

  public static Path interferer() {
    return folder().resolve("interferer.wav");
  }

  public static Path manifest() {
    return folder().resolve("example.json");
  }
}
