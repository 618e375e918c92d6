package org.tsestudio.engine.audio;

import java.util.Map;

/** Names of WAV format tags the reader refuses, so that the error says what the file holds. */
final class WavCodecNames {
  private static final Map<Integer, String> NAMES =
      Map.ofEntries(
          Map.entry(0x0002, "Microsoft ADPCM"),
          Map.entry(0x0006, "A-law"),
          Map.entry(0x0007, "mu-law"),
          Map.entry(0x0011, "IMA ADPCM"),
          Map.entry(0x0016, "ITU G.723 ADPCM"),
          Map.entry(0x0031, "GSM 6.10"),
          Map.entry(0x0040, "ITU G.721 ADPCM"),
          Map.entry(0x0050, "MPEG audio"),
          Map.entry(0x0055, "MPEG Layer 3 (MP3)"),
          Map.entry(0x0092, "Dolby AC-3"),
          Map.entry(0x00FF, "AAC"),
          Map.entry(0x0161, "Windows Media Audio"),
          Map.entry(0x2000, "Dolby AC-3"),
          Map.entry(0x674F, "Ogg Vorbis"),
          Map.entry(0xF1AC, "FLAC"));

  private WavCodecNames() {}

  /** E.g. {@code "MPEG Layer 3 (MP3) (format tag 0x0055)"}; convert such files to PCM first. */
  static String describe(int tag) {
    String hex = String.format("format tag 0x%04X", tag);
    String name = NAMES.get(tag);
    return (name == null ? "" : name + " ") + "(" + hex + "); convert it to PCM WAV";
  }
}
