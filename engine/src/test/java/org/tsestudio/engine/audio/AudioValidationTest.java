package org.tsestudio.engine.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.engine.TseException;

/** Every kind of bad input ends in one TseException line that names the file and the problem. */
class AudioValidationTest {
  @TempDir Path dir;

  private String failure(String name, byte[] bytes) throws IOException {
    Path f = Files.write(dir.resolve(name), bytes);
    return failure(f);
  }

  private static String failure(Path f) {
    TseException e = assertThrows(TseException.class, () -> AudioFiles.readMono(f));
    String message = e.getMessage();
    assertTrue(message.startsWith(f + ": "), message);
    assertFalse(message.contains("\n") || message.contains("Exception"), message);
    // probe() must refuse the same files unless the problem is only visible in the samples.
    if (!message.contains("NaN")) {
      TseException p = assertThrows(TseException.class, () -> AudioFiles.probe(f));
      assertEquals(message, p.getMessage());
    }
    return message.substring(f.toString().length() + 2);
  }

  @Test
  void missingFileFolderAndEmptyFile() throws Exception {
    assertEquals("file not found", failure(dir.resolve("nope.wav")));
    Path folder = Files.createDirectory(dir.resolve("folder.wav"));
    assertEquals("is a folder, not an audio file", failure(folder));
    assertEquals("file is empty", failure("empty.wav", new byte[0]));
  }

  @Test
  void nonAudioFiles() throws Exception {
    String expected = "not a supported audio file (expected WAV, FLAC or MP3)";
    assertEquals(
        expected, failure("notes.wav", "just some text\n".getBytes(StandardCharsets.UTF_8)));
    byte[] zeros = new byte[5000];
    assertEquals(expected, failure("zeros.mp3", zeros));
    assertEquals(
        "not a WAV file (no RIFF/WAVE header)",
        failure("avi.wav", "RIFF\4\0\0\0AVI LIST".getBytes(StandardCharsets.ISO_8859_1)));
  }

  @Test
  void otherAudioFormatsAreNamed() throws Exception {
    Path ogg = dir.resolve("a.ogg");
    Sox.run("-n", "-r", "16000", ogg.toString(), "synth", "0.2", "sine", "440");
    assertEquals("Ogg audio is not supported (use WAV, FLAC or MP3)", failure(ogg));
    Path aiff = dir.resolve("a.aiff");
    Sox.run("-n", "-r", "16000", aiff.toString(), "synth", "0.2", "sine", "440");
    assertEquals("AIFF is not supported (use WAV, FLAC or MP3)", failure(aiff));
  }

  @Test
  void truncatedAndLyingSizes() throws Exception {
    byte[] valid = WavBytes.pcm16(new short[100]).build();
    assertTrue(failure("cut.wav", Arrays.copyOf(valid, 30)).startsWith("truncated WAV"));
    assertEquals(
        "truncated WAV (RIFF header claims 244 bytes, file has 144)",
        failure("half.wav", Arrays.copyOf(valid, valid.length - 100)));
    WavBytes lyingData = WavBytes.pcm16(new short[100]);
    lyingData.dataSize = 0xFFFF_FFF0L;
    assertEquals(
        "truncated WAV (data chunk claims 4294967280 bytes, 200 present)",
        failure("lie.wav", lyingData.build()));
    WavBytes lyingRiff = WavBytes.pcm16(new short[100]);
    lyingRiff.riffSize = 1_000_000L;
    assertEquals(
        "truncated WAV (RIFF header claims 1000008 bytes, file has 244)",
        failure("riff.wav", lyingRiff.build()));
    WavBytes lyingFmt = WavBytes.pcm16(new short[100]);
    lyingFmt.fmtSize = 70_000L;
    assertTrue(
        failure("fmt.wav", lyingFmt.build()).startsWith("truncated WAV ('fmt ' chunk claims"));
    WavBytes lyingChunk = WavBytes.pcm16(new short[100]);
    lyingChunk.chunkBeforeData = "LIST\377\377\377\177".getBytes(StandardCharsets.ISO_8859_1);
    assertTrue(failure("list.wav", lyingChunk.build()).startsWith("truncated WAV ('LIST' chunk"));
  }

  @Test
  void implausibleFormatFields() throws Exception {
    assertEquals(
        "WAV header says zero channels",
        failure("c0.wav", WavBytes.pcm16(new short[4]).channels(0).build()));
    assertEquals(
        "WAV header claims an implausible 5000 channels",
        failure("c5000.wav", WavBytes.pcm16(new short[10000]).channels(5000).build()));
    assertEquals(
        "WAV header claims an implausible sample rate of 0 Hz",
        failure("r0.wav", WavBytes.pcm16(new short[4]).rate(0).build()));
    assertEquals(
        "WAV header claims an implausible sample rate of 4000000000 Hz",
        failure("rbig.wav", WavBytes.pcm16(new short[4]).rate(4_000_000_000L).build()));
    WavBytes align = WavBytes.pcm16(new short[4]).channels(2);
    align.blockAlign = 3;
    assertEquals(
        "WAV block align 3 does not match 2 channels of 2-byte samples",
        failure("align.wav", align.build()));
    WavBytes shortFmt = WavBytes.pcm16(new short[4]);
    shortFmt.fmtSize = 12L;
    assertEquals(
        "WAV fmt chunk has an invalid size (12 bytes)", failure("f12.wav", shortFmt.build()));
    WavBytes half = WavBytes.raw(3, 16, 1, new byte[8]);
    assertEquals("unsupported WAV float bit depth 16", failure("f16.wav", half.build()));
  }

  @Test
  void zeroLengthAudio() throws Exception {
    assertEquals(
        "contains no audio (WAV data chunk is empty)",
        failure("empty.wav", WavBytes.pcm16().build()));
    // One byte of a two-byte frame is no frame at all.
    assertEquals(
        "contains no audio (WAV data chunk is empty)",
        failure("byte.wav", WavBytes.raw(1, 16, 1, new byte[1]).build()));
  }

  @Test
  void nonFiniteFloatSamples() throws Exception {
    assertEquals(
        "float WAV holds a NaN or infinite sample at frame 2",
        failure("nan.wav", WavBytes.float32(0f, 0.5f, Float.NaN, 0f).build()));
    assertEquals(
        "float WAV holds a NaN or infinite sample at frame 1",
        failure("inf.wav", WavBytes.float64(0.0, Double.NEGATIVE_INFINITY).build()));
  }

  @Test
  void unsupportedCodecsAreNamed() throws Exception {
    assertEquals(
        "unsupported WAV codec MPEG Layer 3 (MP3) (format tag 0x0055); convert it to PCM WAV",
        failure("mp3.wav", WavBytes.raw(0x55, 16, 1, new byte[64]).build()));
    assertEquals(
        "unsupported WAV codec Microsoft ADPCM (format tag 0x0002); convert it to PCM WAV",
        failure("adpcm.wav", WavBytes.raw(2, 16, 1, new byte[64]).build()));
    Path ima = dir.resolve("ima.wav");
    Sox.run("-n", "-r", "8000", "-e", "ima-adpcm", ima.toString(), "synth", "0.2", "sine", "440");
    assertTrue(failure(ima).startsWith("unsupported WAV codec IMA ADPCM (format tag 0x0011)"));
    WavBytes unknown = WavBytes.raw(0x1234, 16, 1, new byte[64]);
    assertEquals(
        "unsupported WAV codec (format tag 0x1234); convert it to PCM WAV",
        failure("unknown.wav", unknown.build()));
    byte[] badGuid = WavBytes.pcm16(new short[4]).extensible().build();
    badGuid[50] ^= 0x55;
    assertEquals(
        "unsupported WAV codec (unknown extensible sub-format)", failure("guid.wav", badGuid));
  }

  @Test
  void missingChunks() throws Exception {
    byte[] noData = Arrays.copyOf(WavBytes.pcm16().build(), 36);
    noData[4] = 28;
    assertEquals("WAV has no data chunk", failure("nodata.wav", noData));
    byte[] noFmt = "RIFF\14\0\0\0WAVEdata\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    assertEquals("WAV data chunk comes before its fmt chunk", failure("nofmt.wav", noFmt));
  }
}
