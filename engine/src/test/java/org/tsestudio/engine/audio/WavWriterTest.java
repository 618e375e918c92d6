package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tsestudio.engine.TseException;

class WavWriterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(WavEncoding.class)
  void writesFilesThatSoxAndTheReaderDecodeToTheSameSignal(WavEncoding encoding) throws Exception {
    // An odd length exercises the pad byte of 24-bit mono data.
    float[] x = Tones.sine(440, 16000, 16001, 0.9);
    Path f = dir.resolve("out.wav");
    AudioFiles.writeWav(f, new AudioSignal(x, 16000), encoding);

    assertEquals("16000", Sox.info("-r", f.toString()));
    assertEquals("1", Sox.info("-c", f.toString()));
    assertEquals("16001", Sox.info("-s", f.toString()));
    assertEquals(String.valueOf(encoding.bitsPerSample()), Sox.info("-b", f.toString()));
    // sox decodes to raw floats: an independent decoder of what was written.
    Path raw = dir.resolve("out.f32");
    Sox.run(f.toString(), "-t", "f32", raw.toString());
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(raw)).order(ByteOrder.nativeOrder());
    float[] bySox = new float[b.remaining() / 4];
    b.asFloatBuffer().get(bySox);

    float[] back = AudioFiles.readMono(f).samples();
    double step = encoding.isFloat() ? 1e-7 : 1.0 / (1 << (encoding.bitsPerSample() - 1));
    assertEquals(x.length, back.length);
    assertEquals(x.length, bySox.length);
    for (int i = 0; i < x.length; i++) {
      assertEquals(x[i], back[i], step / 2 + 1e-9, "sample " + i);
      assertEquals(back[i], bySox[i], step / 2 + 1e-7, "sox sample " + i);
    }
  }

  @Test
  void clipsIntegerOutputAtFullScale() throws Exception {
    Path f = dir.resolve("clip.wav");
    AudioFiles.writeWav(
        f, new AudioSignal(new float[] {1.5f, -2f, 1f, -1f}, 8000), WavEncoding.PCM_16);
    assertArrayEquals(
        new float[] {32767 / 32768f, -1f, 32767 / 32768f, -1f}, AudioFiles.readMono(f).samples());
  }

  @Test
  void streamsMultichannelBlocks() throws Exception {
    Path f = dir.resolve("multi.wav");
    try (WavWriter w = WavWriter.create(f, 48000, 3, WavEncoding.PCM_24)) {
      for (int block = 0; block < 4; block++) {
        float[][] data = new float[3][1000];
        for (int c = 0; c < 3; c++) {
          java.util.Arrays.fill(data[c], (c + 1) * 0.25f - block * 0.125f);
        }
        w.write(data, 1000);
      }
      w.commit();
    }
    assertEquals(4000, AudioFiles.probe(f).frames());
    assertEquals("3", Sox.info("-c", f.toString()));
    float[] ch2 = AudioFiles.readChannel(f, 2).samples();
    assertEquals(0.75f, ch2[0], 1e-6f);
    assertEquals(0.375f, ch2[3999], 1e-6f);
  }

  @Test
  void refusesToOverwriteAnInput() throws Exception {
    Path in = dir.resolve("in.wav");
    AudioFiles.writeWav(in, new AudioSignal(new float[] {0.5f, 0.25f}, 16000), WavEncoding.PCM_16);
    byte[] before = Files.readAllBytes(in);
    AudioSignal s = AudioFiles.readMono(in);
    TseException e =
        assertThrows(
            TseException.class, () -> AudioFiles.writeWav(in, s, WavEncoding.FLOAT_32, in));
    assertEquals(
        in + ": refusing to overwrite an input file; choose another output name", e.getMessage());
    // The same file under another name is still the input.
    Path link = Files.createSymbolicLink(dir.resolve("link.wav"), in);
    assertThrows(TseException.class, () -> AudioFiles.writeWav(link, s, WavEncoding.PCM_16, in));
    Path hard = Files.createLink(dir.resolve("hard.wav"), in);
    assertThrows(TseException.class, () -> AudioFiles.writeWav(hard, s, WavEncoding.PCM_16, in));
    assertArrayEquals(before, Files.readAllBytes(in));
    assertNoTemporaryFiles();
  }

  @Test
  void refusesToOverwriteAFileBeingStreamed() throws Exception {
    Path in = dir.resolve("long.wav");
    AudioFiles.writeWav(in, new AudioSignal(new float[4000], 16000), WavEncoding.PCM_16);
    try (AudioStream stream = AudioFiles.open(in)) {
      TseException e =
          assertThrows(
              TseException.class, () -> WavWriter.create(in, 16000, 1, WavEncoding.PCM_16).close());
      assertTrue(e.getMessage().contains("refusing to overwrite a file that is being read"));
      assertEquals(4000, stream.info().frames());
    }
    // Once the stream is closed the file may be replaced.
    AudioFiles.writeWav(in, new AudioSignal(new float[10], 16000), WavEncoding.PCM_16);
    assertEquals(10, AudioFiles.probe(in).frames());
  }

  @Test
  void aFailedWriteLeavesThePreviousFileIntact() throws Exception {
    Path out = dir.resolve("out.wav");
    AudioFiles.writeWav(out, new AudioSignal(new float[] {0.1f, 0.2f}, 16000), WavEncoding.PCM_16);
    byte[] before = Files.readAllBytes(out);
    float[] bad = new float[50_000];
    bad[40_000] = Float.NaN;
    TseException e =
        assertThrows(
            TseException.class,
            () -> AudioFiles.writeWav(out, new AudioSignal(bad, 16000), WavEncoding.PCM_16));
    assertEquals(out + ": cannot write a NaN or infinite sample (frame 40000)", e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(out));
    assertNoTemporaryFiles();
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws Exception {
    Path out = dir.resolve("never.wav");
    try (WavWriter w = WavWriter.create(out, 16000, 1, WavEncoding.PCM_16)) {
      w.writeMono(new float[100], 100);
    }
    assertFalse(Files.exists(out));
    assertNoTemporaryFiles();
  }

  @Test
  void replacedFilesKeepTheirPermissionsAndNewOnesAreReadable() throws Exception {
    Path out = dir.resolve("p.wav");
    AudioSignal s = new AudioSignal(new float[] {0.1f}, 16000);
    AudioFiles.writeWav(out, s, WavEncoding.PCM_16);
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));
    AudioFiles.writeWav(out, s, WavEncoding.PCM_24);
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
  }

  @Test
  void badTargets() throws Exception {
    AudioSignal s = new AudioSignal(new float[] {0.1f}, 16000);
    Path missing = dir.resolve("no/such/folder/out.wav");
    TseException e =
        assertThrows(TseException.class, () -> AudioFiles.writeWav(missing, s, WavEncoding.PCM_16));
    assertEquals(
        missing + ": cannot write: folder " + missing.getParent() + " does not exist",
        e.getMessage());
    Path folder = Files.createDirectory(dir.resolve("folder"));
    e = assertThrows(TseException.class, () -> AudioFiles.writeWav(folder, s, WavEncoding.PCM_16));
    assertEquals(folder + ": is a folder; give a file name for the output", e.getMessage());
  }

  private void assertNoTemporaryFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")));
    }
  }
}
