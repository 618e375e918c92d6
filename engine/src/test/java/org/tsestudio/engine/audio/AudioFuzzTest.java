package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;

/**
 * Seeded mutations of valid files (bit flips, truncations, lying size and format fields) fed to the
 * reader: every outcome must be audio or a TseException, within a time limit per file, and without
 * allocating more than a small multiple of the file's size.
 */
class AudioFuzzTest {
  private static final int WAV_CASES = 10_000;
  private static final int CODEC_CASES = 400;
  private static final long SECONDS_PER_FILE = 5;
  // Buffers a read may allocate whatever the file: block buffers for WAV; decoder state, tables
  // and stream buffers for FLAC and MP3.
  private static final long WAV_FIXED_BYTES = 1 << 20;
  private static final long CODEC_FIXED_BYTES = 8 << 20;

  @TempDir Path dir;
  private ExecutorService worker;

  @BeforeEach
  void startWorker() {
    worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "fuzz-reader");
              t.setDaemon(true);
              return t;
            });
  }

  @AfterEach
  void stopWorker() {
    worker.shutdownNow();
  }

  @Test
  void mutatedWavHeadersNeverEscapeAsOtherErrors() throws Exception {
    List<byte[]> seeds = validWavs(new Random(1));
    int[] outcomes = new int[2];
    for (int i = 0; i < WAV_CASES; i++) {
      Random random = new Random(1_000_003L * i);
      byte[] base = seeds.get(i % seeds.size());
      String mutation = "";
      byte[] bytes = base;
      for (int k = 0, rounds = 1 + random.nextInt(2); k < rounds; k++) {
        int kind = random.nextInt(6);
        mutation += kind;
        bytes = mutate(bytes, kind, random);
      }
      String label =
          "WAV case " + i + " (seed file " + i % seeds.size() + ", mutations " + mutation + ")";
      outcomes[readOne(bytes, label, WAV_FIXED_BYTES)]++;
    }
    // Both outcomes must be common, or the mutations are not testing what they should.
    assertTrue(
        outcomes[0] > WAV_CASES / 20 && outcomes[1] > WAV_CASES / 20, Arrays.toString(outcomes));
  }

  @Test
  void mutatedFlacAndMp3FilesNeverEscapeAsOtherErrors() throws Exception {
    for (String extension : new String[] {"flac", "mp3"}) {
      Path f = dir.resolve("seed." + extension);
      // -R: the same noise on every run, so that a failure reproduces.
      Sox.run(
          "-R",
          "-n",
          "-r",
          "16000",
          "-c",
          "2",
          f.toString(),
          "synth",
          "0.3",
          "sine",
          "300",
          "pinknoise");
      byte[] base = Files.readAllBytes(f);
      for (int i = 0; i < CODEC_CASES; i++) {
        Random random = new Random(7_000_001L * i);
        int kind = random.nextBoolean() ? 1 : 2 + random.nextInt(2) * 4;
        byte[] bytes = kind == 6 ? flipMany(base, random) : mutate(base, kind, random);
        readOne(bytes, extension + " case " + i + " (mutation " + kind + ")", CODEC_FIXED_BYTES);
      }
    }
  }

  /** Reads one file on the worker thread; returns 0 if it decoded, 1 if it was refused. */
  private int readOne(byte[] bytes, String label, long fixedBytes) throws Exception {
    Path f = dir.resolve("fuzz.bin");
    Files.write(f, bytes);
    Future<Object[]> result =
        worker.submit(
            () -> {
              long before = Allocation.currentThreadBytes();
              try {
                AudioFileInfo info = AudioFiles.probe(f);
                AudioSignal s = AudioFiles.readMono(f);
                return new Object[] {Allocation.currentThreadBytes() - before, info, s};
              } catch (TseException e) {
                return new Object[] {Allocation.currentThreadBytes() - before, e};
              }
            });
    Object[] r;
    try {
      r = result.get(SECONDS_PER_FILE, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      fail(label + ": read did not finish within " + SECONDS_PER_FILE + " s");
      return -1;
    } catch (java.util.concurrent.ExecutionException e) {
      throw new AssertionError(label + ": escaped as " + e.getCause(), e.getCause());
    }
    long allocated = (Long) r[0];
    // Compressed files expand on decoding, but not by more than about 16x into floats.
    long bound = fixedBytes + 64L * bytes.length;
    assertTrue(
        allocated < bound,
        label + ": allocated " + allocated + " bytes for a " + bytes.length + "-byte file");
    if (r[1] instanceof TseException e) {
      assertTrue(
          e.getMessage().startsWith(f + ": ") && !e.getMessage().contains("\n"), e.getMessage());
      return 1;
    }
    AudioFileInfo info = (AudioFileInfo) r[1];
    AudioSignal s = (AudioSignal) r[2];
    if (info.container() == AudioContainer.WAV) {
      assertEquals(info.frames(), s.length(), label);
    }
    return 0;
  }

  private static List<byte[]> validWavs(Random random) {
    List<byte[]> files = new ArrayList<>();
    int[][] layouts = { // tag, bits, channels, frames
      {1, 8, 1, 300},
      {1, 16, 2, 500},
      {1, 24, 1, 333},
      {1, 32, 3, 200},
      {3, 32, 1, 400},
      {3, 64, 2, 150}
    };
    for (int[] l : layouts) {
      byte[] data = new byte[l[1] / 8 * l[2] * l[3]];
      if (l[0] == 3) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
          if (l[1] == 32) {
            b.putFloat(random.nextFloat() * 2 - 1);
          } else {
            b.putDouble(random.nextDouble() * 2 - 1);
          }
        }
      } else {
        random.nextBytes(data);
      }
      WavBytes plain = WavBytes.raw(l[0], l[1], l[2], data);
      files.add(plain.build());
      WavBytes extensible = WavBytes.raw(l[0], l[1], l[2], data).extensible();
      extensible.chunkBeforeData = WavBytes.chunk("LIST", "INFOISFTfuzz".getBytes());
      files.add(extensible.build());
    }
    return files;
  }

  private static byte[] mutate(byte[] in, int kind, Random random) {
    byte[] b = in.clone();
    ByteBuffer le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int header = Math.min(b.length, 96);
    switch (kind) {
      case 0 -> { // flip bits in the header
        for (int k = 1 + random.nextInt(6); k > 0; k--) {
          b[random.nextInt(header)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> { // random bytes anywhere
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      case 2 -> { // truncation, often inside the header
        int cut =
            random.nextBoolean()
                ? random.nextInt(Math.min(b.length, 120))
                : random.nextInt(b.length);
        return Arrays.copyOf(b, cut);
      }
      case 3 -> { // a 32-bit size field that lies
        int at = sizeFieldOffset(b, random);
        if (at + 4 <= b.length) {
          le.putInt(at, lie(b.length, random));
        }
      }
      case 4 -> { // implausible format fields: tag, channels, rate, byte rate, align, bits
        int[] offsets = {20, 22, 24, 28, 32, 34};
        int at = offsets[random.nextInt(offsets.length)];
        if (at + 4 <= b.length) {
          int v =
              switch (random.nextInt(4)) {
                case 0 -> 0;
                case 1 -> -1;
                case 2 -> random.nextInt(8);
                default -> random.nextInt();
              };
          if (at == 24 || at == 28) {
            le.putInt(at, v);
          } else {
            le.putShort(at, (short) v);
          }
        }
      }
      default -> { // duplicate a slice of the header further in
        if (b.length > 24) {
          int from = random.nextInt(Math.min(b.length, 48));
          int len = 1 + random.nextInt(Math.min(24, b.length - from));
          byte[] out = new byte[b.length + len];
          int at = random.nextInt(Math.min(b.length, 64));
          System.arraycopy(b, 0, out, 0, at);
          System.arraycopy(b, from, out, at, len);
          System.arraycopy(b, at, out, at + len, b.length - at);
          return out;
        }
      }
    }
    return b;
  }

  private static byte[] flipMany(byte[] in, Random random) {
    byte[] b = in.clone();
    int start = random.nextInt(b.length);
    for (int i = start; i < Math.min(b.length, start + 200); i++) {
      b[i] ^= (byte) random.nextInt(256);
    }
    return b;
  }

  // RIFF size, fmt size, or a data size (found by searching for "data").
  private static int sizeFieldOffset(byte[] b, Random random) {
    return switch (random.nextInt(3)) {
      case 0 -> 4;
      case 1 -> 16;
      default -> {
        for (int i = 12; i + 8 <= b.length; i++) {
          if (b[i] == 'd' && b[i + 1] == 'a' && b[i + 2] == 't' && b[i + 3] == 'a') {
            yield i + 4;
          }
        }
        yield 4;
      }
    };
  }

  private static int lie(int length, Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> Integer.MAX_VALUE;
      case 3 -> length + random.nextInt(64) - 32;
      case 4 -> random.nextInt(1 << 20);
      default -> random.nextInt();
    };
  }
}
