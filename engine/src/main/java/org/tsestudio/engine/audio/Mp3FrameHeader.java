package org.tsestudio.engine.audio;

/**
 * One MPEG audio frame header (the 4 bytes before every frame), decoded from the bit layout of ISO
 * 11172-3 / 13818-3: enough to walk the frames of a file and count its samples without decoding
 * them.
 */
record Mp3FrameHeader(
    int version, int layer, int bitrateKbps, int sampleRate, boolean mono, int length) {

  static final int MPEG1 = 1;
  static final int MPEG2 = 2;
  static final int MPEG25 = 25;

  // Bitrates in kbps by bitrate index, for MPEG-1 layers I, II, III and MPEG-2/2.5 layer I, II+III.
  private static final int[][] BITRATES = {
    {0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448},
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384},
    {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320},
    {0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256},
    {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160},
  };
  private static final int[] MPEG1_RATES = {44100, 48000, 32000};

  /**
   * Parses a big-endian header word; returns null if it is not a valid header (no sync, reserved
   * fields, or free-format bitrate, which this reader does not support).
   */
  static Mp3FrameHeader parse(int h) {
    if ((h & 0xFFE00000) != 0xFFE00000) {
      return null;
    }
    int versionBits = (h >>> 19) & 3;
    int layerBits = (h >>> 17) & 3;
    int bitrateIndex = (h >>> 12) & 0xF;
    int rateIndex = (h >>> 10) & 3;
    if (versionBits == 1 || layerBits == 0 || bitrateIndex == 0 || bitrateIndex == 15) {
      return null;
    }
    if (rateIndex == 3) {
      return null;
    }
    int version = versionBits == 3 ? MPEG1 : versionBits == 2 ? MPEG2 : MPEG25;
    int layer = 4 - layerBits;
    int table = version == MPEG1 ? layer - 1 : layer == 1 ? 3 : 4;
    int kbps = BITRATES[table][bitrateIndex];
    int rate = MPEG1_RATES[rateIndex] / (version == MPEG1 ? 1 : version == MPEG2 ? 2 : 4);
    int padding = (h >>> 9) & 1;
    boolean mono = ((h >>> 6) & 3) == 3;
    int length;
    if (layer == 1) {
      length = (12 * kbps * 1000 / rate + padding) * 4;
    } else {
      int perSlot = (layer == 3 && version != MPEG1) ? 72 : 144;
      length = perSlot * kbps * 1000 / rate + padding;
    }
    return new Mp3FrameHeader(version, layer, kbps, rate, mono, length);
  }

  int samplesPerFrame() {
    if (layer == 1) {
      return 384;
    }
    return layer == 3 && version != MPEG1 ? 576 : 1152;
  }

  int channels() {
    return mono ? 1 : 2;
  }

  /** Bytes of layer III side information after the header (where a Xing/Info tag would start). */
  int sideInfoBytes() {
    if (version == MPEG1) {
      return mono ? 17 : 32;
    }
    return mono ? 9 : 17;
  }

  /** Whether frames of {@code other} can continue a stream that starts with this frame. */
  boolean sameStream(Mp3FrameHeader other) {
    return other != null
        && other.version == version
        && other.layer == layer
        && other.sampleRate == sampleRate;
  }

  String describe() {
    String v = version == MPEG1 ? "MPEG-1" : version == MPEG2 ? "MPEG-2" : "MPEG-2.5";
    return v + " Layer " + "I".repeat(layer);
  }
}
