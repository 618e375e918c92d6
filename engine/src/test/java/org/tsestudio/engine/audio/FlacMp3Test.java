package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tsestudio.engine.TseException;

class FlacMp3Test {
  @TempDir Path dir;

  private Path sox(String name, String... args) {
    Path f = dir.resolve(name);
    String[] all = Arrays.copyOf(args, args.length + 1);
    all[args.length] = f.toString();
    // Output file goes before the effects: sox [input options] output [effects].
    int effects = Arrays.asList(args).indexOf("synth");
    if (effects >= 0) {
      String[] ordered = new String[all.length];
      System.arraycopy(args, 0, ordered, 0, effects);
      ordered[effects] = f.toString();
      System.arraycopy(args, effects, ordered, effects + 1, args.length - effects);
      all = ordered;
    }
    Sox.run(all);
    return f;
  }

  @ParameterizedTest(name = "{0}-bit")
  @ValueSource(ints = {8, 16, 24})
  void flacIsLosslessAgainstTheSameWav(int bits) throws Exception {
    // Nearly equal channels make the encoder use mid/side stereo, which the decoder must undo.
    Path wav =
        sox(
            "src.wav",
            "-D",
            "-n",
            "-r",
            "44100",
            "-b",
            String.valueOf(bits),
            "-c",
            "2",
            "synth",
            "1.2",
            "sine",
            "440",
            "sine",
            "445",
            "vol",
            "0.7");
    Path flac = dir.resolve("src.flac");
    Sox.run(wav.toString(), flac.toString());
    AudioFileInfo info = AudioFiles.probe(flac);
    assertEquals(AudioContainer.FLAC, info.container());
    assertEquals("FLAC " + bits + "-bit", info.describe());
    assertEquals(44100, info.sampleRate());
    assertEquals(2, info.channels());
    assertEquals(52920, info.frames());
    for (int c = 0; c < 2; c++) {
      assertArrayEquals(
          AudioFiles.readChannel(wav, c).samples(), AudioFiles.readChannel(flac, c).samples());
    }
  }

  @Test
  void flacWithoutALengthInItsHeaderIsReadToTheEnd() throws Exception {
    Path flac = sox("n.flac", "-n", "-r", "16000", "synth", "1.1", "sine", "300");
    byte[] bytes = Files.readAllBytes(flac);
    // STREAMINFO's 36-bit total sample count: the low nibble of byte 21 and bytes 22 to 25.
    bytes[21] &= (byte) 0xF0;
    Arrays.fill(bytes, 22, 26, (byte) 0);
    Path unknown = Files.write(dir.resolve("unknown.flac"), bytes);
    AudioFileInfo info = AudioFiles.probe(unknown);
    assertEquals(AudioFileInfo.UNKNOWN_FRAMES, info.frames());
    assertTrue(Double.isNaN(info.durationSeconds()));
    assertArrayEquals(AudioFiles.readMono(flac).samples(), AudioFiles.readMono(unknown).samples());
    assertEquals(17600, AudioFiles.readMono(unknown).length());
  }

  @Test
  void flacAfterAnId3TagIsFound() throws Exception {
    Path flac = sox("t.flac", "-n", "-r", "16000", "synth", "0.5", "sine", "300");
    Path tagged = dir.resolve("tagged.flac");
    Files.write(tagged, concat(id3Tag(300), Files.readAllBytes(flac)));
    assertArrayEquals(AudioFiles.readMono(flac).samples(), AudioFiles.readMono(tagged).samples());
  }

  @Test
  void damagedFlacFailsWithAClearMessage() throws Exception {
    Path flac = sox("d.flac", "-n", "-r", "16000", "synth", "2", "whitenoise", "vol", "0.5");
    byte[] bytes = Files.readAllBytes(flac);
    Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, bytes.length * 2 / 3));
    TseException e = assertThrows(TseException.class, () -> AudioFiles.readMono(cut));
    assertTrue(e.getMessage().startsWith(cut + ": "), e.getMessage());
    byte[] flipped = bytes.clone();
    for (int i = bytes.length / 2; i < bytes.length / 2 + 40; i++) {
      flipped[i] ^= 0x5A;
    }
    Path bad = Files.write(dir.resolve("bad.flac"), flipped);
    e = assertThrows(TseException.class, () -> AudioFiles.readMono(bad));
    assertTrue(e.getMessage().startsWith(bad + ": corrupt FLAC data"), e.getMessage());
  }

  @Test
  void flacThatOnceHungTheDecoderFailsPromptly() throws Exception {
    // A damaged frame (found by the fuzz test) on which jFLAC 1.5.2 retries the same bad frame
    // forever unless its error report ends the decoding.
    Path hang = dir.resolve("hang.flac");
    try (var in = getClass().getResourceAsStream("/audio/damaged-loops-jflac.flac")) {
      Files.copy(in, hang);
    }
    TseException e =
        assertTimeoutPreemptively(
            Duration.ofSeconds(20),
            () -> assertThrows(TseException.class, () -> AudioFiles.readMono(hang)));
    assertTrue(e.getMessage().startsWith(hang + ": corrupt FLAC data near frame"), e.getMessage());
  }

  @Test
  void stereoMp3DecodesToTheEncodedTone() throws Exception {
    Path mp3 =
        sox("tone.mp3", "-n", "-r", "44100", "-c", "2", "synth", "2", "sine", "1000", "vol", "0.5");
    AudioFileInfo info = AudioFiles.probe(mp3);
    assertEquals(AudioContainer.MP3, info.container());
    assertEquals("MPEG-1 Layer III", info.describe());
    assertEquals(44100, info.sampleRate());
    assertEquals(2, info.channels());
    assertEquals(0, info.frames() % 1152);
    // Two seconds plus the encoder's delay and padding, less than one frame each side.
    assertTrue(info.frames() >= 88200 && info.frames() < 88200 + 3 * 1152, "" + info.frames());
    AudioSignal left = AudioFiles.readChannel(mp3, 0);
    assertEquals(info.frames(), left.length());
    double level = Tones.amplitudeAt(left.samples(), 4410, 80000, 1000, 44100);
    assertEquals(0.0, Tones.db(level / 0.5), 0.5, "1 kHz level");
  }

  @Test
  void monoMpeg2Mp3At16kHz() throws Exception {
    Path mp3 =
        sox("m.mp3", "-n", "-r", "16000", "-c", "1", "synth", "1", "sine", "500", "vol", "0.5");
    AudioFileInfo info = AudioFiles.probe(mp3);
    assertEquals("MPEG-2 Layer III", info.describe());
    assertEquals(1, info.channels());
    assertEquals(0, info.frames() % 576);
    AudioSignal s = AudioFiles.readMono(mp3);
    assertEquals(16000, s.sampleRate());
    assertEquals(info.frames(), s.length());
    assertEquals(0.0, Tones.db(Tones.amplitudeAt(s.samples(), 2000, 14000, 500, 16000) / 0.5), 0.5);
  }

  @Test
  void mp3WithId3TagAndTrailingTagReadsTheSameAudio() throws Exception {
    Path mp3 = sox("p.mp3", "-n", "-r", "22050", "synth", "0.5", "sine", "700");
    byte[] id3v1 = new byte[128];
    id3v1[0] = 'T';
    id3v1[1] = 'A';
    id3v1[2] = 'G';
    Path tagged = dir.resolve("tagged.mp3");
    Files.write(tagged, concat(id3Tag(1000), Files.readAllBytes(mp3), id3v1));
    assertEquals(AudioFiles.probe(mp3).frames(), AudioFiles.probe(tagged).frames());
    assertArrayEquals(AudioFiles.readMono(mp3).samples(), AudioFiles.readMono(tagged).samples());
  }

  @Test
  void truncatedMp3ReadsTheWholeFramesThatArePresent() throws Exception {
    Path mp3 = sox("long.mp3", "-n", "-r", "44100", "synth", "3", "sine", "700");
    byte[] bytes = Files.readAllBytes(mp3);
    Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(bytes, bytes.length / 2));
    AudioFileInfo info = AudioFiles.probe(cut);
    assertTrue(info.frames() < AudioFiles.probe(mp3).frames());
    assertEquals(info.frames(), AudioFiles.readMono(cut).length());
  }

  // An ID3v2.4 tag of the given total size whose body is padding.
  private static byte[] id3Tag(int size) {
    byte[] tag = new byte[size];
    tag[0] = 'I';
    tag[1] = 'D';
    tag[2] = '3';
    tag[3] = 4;
    int body = size - 10;
    tag[6] = (byte) ((body >> 21) & 0x7F);
    tag[7] = (byte) ((body >> 14) & 0x7F);
    tag[8] = (byte) ((body >> 7) & 0x7F);
    tag[9] = (byte) (body & 0x7F);
    return tag;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
