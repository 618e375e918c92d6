package org.tsestudio.engine.audio;

import java.nio.ByteBuffer;

/**
 * Little-endian sample layouts found in WAV data chunks, with the conversions to and from floats.
 *
 * <p>Integer samples map to floats by dividing by 2^(bits-1), so full scale negative is exactly
 * -1.0 and the conversion back (multiply, round, clip) is its inverse for every integer value.
 */
enum SampleFormat {
  PCM_U8(1, false, "PCM 8-bit"),
  PCM_S16(2, false, "PCM 16-bit"),
  PCM_S24(3, false, "PCM 24-bit"),
  PCM_S32(4, false, "PCM 32-bit"),
  FLOAT_32(4, true, "float 32-bit"),
  FLOAT_64(8, true, "float 64-bit");

  private final int bytes;
  private final boolean floating;
  private final String label;

  SampleFormat(int bytes, boolean floating, String label) {
    this.bytes = bytes;
    this.floating = floating;
    this.label = label;
  }

  int bytesPerSample() {
    return bytes;
  }

  int bitsPerSample() {
    return bytes * 8;
  }

  boolean isFloat() {
    return floating;
  }

  String label() {
    return label;
  }

  /**
   * Decodes {@code frames} interleaved frames from {@code src} (little-endian, starting at its
   * position) into {@code dest[c][destOffset + i]}.
   *
   * @return the index of the first frame holding a NaN or infinite sample, or -1 if all are finite
   */
  int decode(ByteBuffer src, int frames, int channels, float[][] dest, int destOffset) {
    int p = src.position();
    int badFrame = -1;
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        float v =
            switch (this) {
              case PCM_U8 -> ((src.get(p) & 0xFF) - 128) / 128f;
              case PCM_S16 -> src.getShort(p) / 32768f;
              case PCM_S24 -> int24(src, p) / 8388608f;
              case PCM_S32 -> (float) (src.getInt(p) / 2147483648.0);
              case FLOAT_32 -> src.getFloat(p);
              case FLOAT_64 -> (float) src.getDouble(p);
            };
        if (floating && badFrame < 0 && !Float.isFinite(v)) {
          badFrame = i;
        }
        dest[c][destOffset + i] = v;
        p += bytes;
      }
    }
    src.position(p);
    return badFrame;
  }

  /**
   * Encodes {@code frames} frames of {@code src[c][srcOffset + i]} interleaved into {@code dst} at
   * its position. Integer formats round and clip to the representable range.
   */
  void encode(float[][] src, int srcOffset, int frames, int channels, ByteBuffer dst) {
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        float v = src[c][srcOffset + i];
        switch (this) {
          case PCM_U8 -> dst.put((byte) (quantize(v, 128) + 128));
          case PCM_S16 -> dst.putShort((short) quantize(v, 32768));
          case PCM_S24 -> putInt24(dst, (int) quantize(v, 8388608));
          case PCM_S32 -> dst.putInt((int) quantize(v, 2147483648L));
          case FLOAT_32 -> dst.putFloat(v);
          case FLOAT_64 -> dst.putDouble(v);
        }
      }
    }
  }

  private static long quantize(float v, long fullScale) {
    long q = Math.round(v * (double) fullScale);
    return Math.max(-fullScale, Math.min(fullScale - 1, q));
  }

  private static int int24(ByteBuffer b, int p) {
    // The top byte is read signed, so shifting it up carries the sample's sign into the int.
    return ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16);
  }

  private static void putInt24(ByteBuffer b, int v) {
    b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
  }
}
