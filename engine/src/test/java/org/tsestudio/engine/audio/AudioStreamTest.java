package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Block reads and seeks give exactly the samples of a whole-file read, in every format. */
class AudioStreamTest {
  @TempDir Path dir;

  private Path fixture(String extension) {
    Path f = dir.resolve("two." + extension);
    Sox.run(
        "-n",
        "-r",
        "16000",
        "-c",
        "2",
        f.toString(),
        "synth",
        "1.5",
        "sine",
        "300",
        "sine",
        "800",
        "vol",
        "0.6");
    return f;
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "mp3"})
  void blockReadsConcatenateToTheWholeFile(String extension) throws Exception {
    Path f = fixture(extension);
    float[] whole = AudioFiles.readMono(f).samples();
    float[] right = AudioFiles.readChannel(f, 1).samples();
    float[] pieces = new float[whole.length];
    float[] rightPieces = new float[whole.length];
    try (AudioStream s = AudioFiles.open(f)) {
      assertEquals(2, s.channels());
      int pos = 0;
      int[] sizes = {1, 7, 1000, 4096, 333, 5000};
      float[][] block = new float[2][5000];
      for (int i = 0; ; i++) {
        int n = s.read(block, sizes[i % sizes.length]);
        if (n < 0) {
          break;
        }
        for (int j = 0; j < n; j++) {
          pieces[pos + j] = (block[0][j] + block[1][j]) / 2;
          rightPieces[pos + j] = block[1][j];
        }
        pos += n;
        assertEquals(pos, s.position());
      }
      assertEquals(whole.length, pos);
      assertEquals(-1, s.read(block, 10));
    }
    assertArrayEquals(whole, pieces, 1e-7f);
    assertArrayEquals(right, rightPieces);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wav", "flac", "mp3"})
  void seeksForwardAndBack(String extension) throws Exception {
    Path f = fixture(extension);
    float[] whole = AudioFiles.readMono(f).samples();
    try (AudioStream s = AudioFiles.open(f)) {
      float[] buf = new float[2000];
      for (long target : new long[] {10_000, 500, 20_001, 0, whole.length - 100}) {
        s.seek(target);
        assertEquals(target, s.position());
        int n = s.readMono(buf, buf.length);
        int expected = (int) Math.min(buf.length, whole.length - target);
        assertEquals(expected, n);
        assertArrayEquals(
            Arrays.copyOfRange(whole, (int) target, (int) target + n),
            Arrays.copyOf(buf, n),
            "at frame " + target);
      }
      s.seek(whole.length + 5L);
      assertEquals(-1, s.readMono(buf, buf.length));
      assertEquals(0, s.readMono(buf, 0));
    }
  }
}
