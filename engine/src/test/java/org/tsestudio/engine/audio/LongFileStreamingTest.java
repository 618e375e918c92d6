package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An hour of 48 kHz stereo (660 MiB of 16-bit WAV) is written and read back in blocks while the
 * heap the test thread allocates is measured: streaming must cost a few MiB, not the file's size.
 */
class LongFileStreamingTest {
  private static final int RATE = 48_000;
  private static final long FRAMES = 3600L * RATE;
  private static final int BLOCK = 48_000;
  private static final long ALLOCATION_BOUND = 16L << 20;

  @TempDir Path dir;

  // Every 16-bit value is exact after the round trip, so each sample can be checked exactly.
  private static float left(long frame) {
    return ((frame * 7919) % 65536 - 32768) / 32768f;
  }

  private static float right(long frame) {
    return ((frame * 104729 + 12345) % 65536 - 32768) / 32768f;
  }

  @Test
  void anHourOfStereoStreamsInBoundedMemory() throws Exception {
    Path f = dir.resolve("hour.wav");
    float[][] block = new float[2][BLOCK];

    long before = Allocation.currentThreadBytes();
    try (WavWriter w = WavWriter.create(f, RATE, 2, WavEncoding.PCM_16)) {
      for (long start = 0; start < FRAMES; start += BLOCK) {
        for (int i = 0; i < BLOCK; i++) {
          block[0][i] = left(start + i);
          block[1][i] = right(start + i);
        }
        w.write(block, BLOCK);
      }
      w.commit();
    }
    long writeBytes = Allocation.currentThreadBytes() - before;
    assertEquals(44 + FRAMES * 4, Files.size(f));

    before = Allocation.currentThreadBytes();
    long frames = 0;
    try (AudioStream s = AudioFiles.open(f)) {
      assertEquals(FRAMES, s.info().frames());
      assertEquals(3600.0, s.info().durationSeconds());
      int n;
      while ((n = s.read(block, BLOCK)) > 0) {
        for (int i = 0; i < n; i++) {
          if (block[0][i] != left(frames + i) || block[1][i] != right(frames + i)) {
            throw new AssertionError("wrong sample at frame " + (frames + i));
          }
        }
        frames += n;
      }
      // Random access near the end needs no reading of what comes before.
      s.seek(FRAMES - 10);
      assertEquals(10, s.readChannel(1, block[0], BLOCK));
      assertEquals(right(FRAMES - 1), block[0][9]);
    }
    long readBytes = Allocation.currentThreadBytes() - before;
    assertEquals(FRAMES, frames);
    System.out.printf(
        "1 h 48 kHz stereo WAV: heap allocated writing %.1f MiB, reading %.1f MiB (file %.0f MiB)%n",
        writeBytes / 1048576.0, readBytes / 1048576.0, Files.size(f) / 1048576.0);
    assertTrue(writeBytes < ALLOCATION_BOUND, "writing allocated " + writeBytes + " bytes");
    assertTrue(readBytes < ALLOCATION_BOUND, "reading allocated " + readBytes + " bytes");
  }

  @Test
  void streamingResamplerRunsInBoundedMemory() {
    Resampler r = new Resampler(48_000, 16_000);
    StreamingResampler s = r.newStream();
    float[] in = Tones.sine(440, 48_000, BLOCK, 0.5);
    float[] out = new float[s.maxOutput(BLOCK) + 16];
    long before = Allocation.currentThreadBytes();
    long produced = 0;
    // Ten minutes of input.
    for (int i = 0; i < 600; i++) {
      produced += s.process(in, 0, BLOCK, out, 0);
    }
    produced += s.finish(out, 0);
    long bytes = Allocation.currentThreadBytes() - before;
    assertEquals(600L * 16_000, produced);
    assertTrue(bytes < 1 << 20, "resampling allocated " + bytes + " bytes");
  }
}
