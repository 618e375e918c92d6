package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsestudio.engine.TseException;

class WavReadTest {
  @TempDir Path dir;

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(name), bytes);
  }

  @Test
  void decodesPcm16ToExactFractionsOfFullScale() throws Exception {
    Path f =
        write(
            "a.wav",
            WavBytes.pcm16((short) 0, (short) 16384, (short) -32768, (short) 32767).build());
    AudioSignal s = AudioFiles.readMono(f);
    assertArrayEquals(new float[] {0f, 0.5f, -1f, 32767f / 32768f}, s.samples());
    assertEquals(16000, s.sampleRate());
    AudioFileInfo info = AudioFiles.probe(f);
    assertEquals(AudioContainer.WAV, info.container());
    assertEquals("WAV PCM 16-bit", info.describe());
    assertEquals(4, info.frames());
  }

  @Test
  void decodesUnsigned8Bit() throws Exception {
    byte[] data = {(byte) 128, (byte) 255, 0, (byte) 192};
    Path f = write("u8.wav", WavBytes.raw(1, 8, 1, data).build());
    assertArrayEquals(new float[] {0f, 127f / 128f, -1f, 0.5f}, AudioFiles.readMono(f).samples());
  }

  @Test
  void decodes24And32BitPcmWithSign() throws Exception {
    ByteBuffer b24 = WavBytes.le(12);
    for (int v : new int[] {0x400000, -8388608, -1, 8388607}) {
      b24.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
    }
    Path f24 = write("24.wav", WavBytes.raw(1, 24, 1, b24.array()).build());
    assertArrayEquals(
        new float[] {0.5f, -1f, -1f / 8388608f, 8388607f / 8388608f},
        AudioFiles.readMono(f24).samples());
    ByteBuffer b32 = WavBytes.le(12).putInt(1 << 30).putInt(Integer.MIN_VALUE).putInt(-(1 << 29));
    Path f32 = write("32.wav", WavBytes.raw(1, 32, 1, b32.array()).build());
    assertArrayEquals(new float[] {0.5f, -1f, -0.25f}, AudioFiles.readMono(f32).samples());
  }

  @Test
  void decodesFloat32And64() throws Exception {
    Path f = write("f.wav", WavBytes.float32(0.25f, -0.75f, 1.5f).build());
    // Float files may exceed full scale; the reader keeps the values as they are.
    assertArrayEquals(new float[] {0.25f, -0.75f, 1.5f}, AudioFiles.readMono(f).samples());
    assertEquals("WAV float 32-bit", AudioFiles.probe(f).describe());
    Path d = write("d.wav", WavBytes.float64(0.125, -1.0).build());
    assertArrayEquals(new float[] {0.125f, -1f}, AudioFiles.readMono(d).samples());
  }

  @Test
  void readsWaveFormatExtensible() throws Exception {
    Path f = write("x16.wav", WavBytes.pcm16((short) 8192, (short) -8192).extensible().build());
    assertArrayEquals(new float[] {0.25f, -0.25f}, AudioFiles.readMono(f).samples());
    Path g = write("xf.wav", WavBytes.float32(0.5f).extensible().build());
    assertArrayEquals(new float[] {0.5f}, AudioFiles.readMono(g).samples());
  }

  @Test
  void readsSamplesNarrowerThanTheirContainer() throws Exception {
    // 12-bit audio is stored left-aligned in 16-bit words.
    WavBytes w = WavBytes.pcm16((short) 0x4000);
    w.bits = 12;
    assertArrayEquals(
        new float[] {0.5f}, AudioFiles.readMono(write("12.wav", w.build())).samples());
  }

  @Test
  void mixesDownOrPicksAChannel() throws Exception {
    // Three channels: 0.5, -0.5, 0.25 in every frame.
    short[] frames = new short[3 * 5];
    for (int i = 0; i < 5; i++) {
      frames[3 * i] = 16384;
      frames[3 * i + 1] = -16384;
      frames[3 * i + 2] = 8192;
    }
    Path f = write("3ch.wav", WavBytes.pcm16(frames).channels(3).build());
    assertEquals(3, AudioFiles.probe(f).channels());
    assertEquals(5, AudioFiles.probe(f).frames());
    float[] mono = AudioFiles.readMono(f).samples();
    assertEquals(5, mono.length);
    assertEquals(0.25f / 3, mono[2], 1e-7f);
    assertArrayEquals(
        new float[] {-0.5f, -0.5f, -0.5f, -0.5f, -0.5f}, AudioFiles.readChannel(f, 1).samples());
    TseException e = assertThrows(TseException.class, () -> AudioFiles.readChannel(f, 3));
    assertEquals(f + ": has no channel 3 (channels are 0 to 2)", e.getMessage());
  }

  @Test
  void skipsOtherChunksAndPadding() throws Exception {
    WavBytes w = WavBytes.pcm16((short) 100, (short) 200);
    w.chunkBeforeFmt = WavBytes.chunk("JUNK", new byte[7]);
    w.chunkBeforeData = WavBytes.chunk("LIST", "INFOISFT\3\0\0\0ab\0".getBytes());
    assertArrayEquals(
        new float[] {100 / 32768f, 200 / 32768f},
        AudioFiles.readMono(write("c.wav", w.build())).samples());
  }

  /** Files written by sox, an independent encoder, decode to the same signal in every format. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "u8,   -e unsigned-integer -b 8,  1, 0.0079",
    "s16,  -e signed-integer -b 16,   1, 0.00004",
    "s24,  -e signed-integer -b 24,   1, 0.0000002",
    "s32,  -e signed-integer -b 32,   1, 0.00000001",
    "f32,  -e floating-point -b 32,   1, 0.0000001",
    "st16, -e signed-integer -b 16,   2, 0.00004",
    "mc24, -e signed-integer -b 24,   6, 0.0000002"
  })
  void matchesSoxAcrossFormats(String name, String encoding, int channels, double tolerance)
      throws Exception {
    Path ref = dir.resolve("ref.wav");
    // Each channel gets its own tone so that channel order is checked too.
    StringBuilder synth = new StringBuilder("synth 0.3");
    for (int c = 0; c < channels; c++) {
      synth.append(" sine ").append(300 + 200 * c);
    }
    Sox.run(
        ("-D -n -r 22050 -c "
                + channels
                + " -e floating-point -b 64 "
                + ref
                + " "
                + synth
                + " vol 0.8")
            .split(" "));
    Path f = dir.resolve(name + ".wav");
    Sox.run(("-D " + ref + " " + encoding.strip() + " " + f).split(" "));
    AudioFileInfo info = AudioFiles.probe(f);
    assertEquals(22050, info.sampleRate());
    assertEquals(channels, info.channels());
    assertEquals(Long.parseLong(Sox.info("-s", f.toString())), info.frames());
    for (int c = 0; c < channels; c++) {
      float[] want = AudioFiles.readChannel(ref, c).samples();
      float[] got = AudioFiles.readChannel(f, c).samples();
      assertEquals(want.length, got.length);
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], got[i], tolerance, "channel " + c + " sample " + i);
      }
    }
  }

  @Test
  void soxMultichannelFilesUseTheExtensibleHeader() throws Exception {
    Path f = dir.resolve("x.wav");
    Sox.run(("-n -r 16000 -c 3 -b 24 " + f + " synth 0.1 sine 440").split(" "));
    byte[] head = Files.readAllBytes(f);
    assertEquals((byte) 0xFE, head[20], "sox should have written WAVE_FORMAT_EXTENSIBLE");
    assertEquals(3, AudioFiles.probe(f).channels());
    assertEquals(1600, AudioFiles.readMono(f).length());
  }

  @Test
  void messagesAreOneLineNamingTheFile() throws Exception {
    WavBytes w = WavBytes.pcm16((short) 1);
    w.dataSize = 88200L;
    Path f = write("mix.wav", w.build());
    TseException e = assertThrows(TseException.class, () -> AudioFiles.readMono(f));
    assertEquals(f + ": truncated WAV (data chunk claims 88200 bytes, 2 present)", e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }
}
