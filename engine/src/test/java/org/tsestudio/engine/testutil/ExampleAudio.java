package org.tsestudio.engine.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Reads the committed example fixtures (resources/examples, made by generate_examples.py) for
 * tests. Uses javax.sound so that these tests do not depend on the engine's own WAV reader.
 */
public final class ExampleAudio {
  private ExampleAudio() {}

  /** The examples folder: system property tse.examples.dir (set by the engine POM). */
  public static Path dir() {
    String configured = System.getProperty("tse.examples.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "resources", "examples");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("example audio folder not found: " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** Samples of a 16-bit mono example file, scaled to [-1, 1). */
  public static float[] read(String name) throws IOException {
    Path path = dir().resolve(name);
    try (AudioInputStream in = AudioSystem.getAudioInputStream(path.toFile())) {
      AudioFormat format = in.getFormat();
      if (format.getChannels() != 1 || format.getSampleSizeInBits() != 16 || format.isBigEndian()) {
        throw new IOException(name + ": expected 16-bit little-endian mono, got " + format);
      }
      byte[] bytes = in.readAllBytes();
      float[] x = new float[bytes.length / 2];
      for (int i = 0; i < x.length; i++) {
        int lo = bytes[2 * i] & 0xff;
        int hi = bytes[2 * i + 1];
        x[i] = (short) ((hi << 8) | lo) / 32768f;
      }
      return x;
    } catch (UnsupportedAudioFileException e) {
      throw new IOException(name + ": not a WAV file javax.sound can read", e);
    }
  }

  /** Sample rate of the examples (fixed by the generator). */
  public static final int SAMPLE_RATE = 16000;
}
