package org.tsestudio.engine.audio;

/** Sample encodings the WAV writer produces. */
public enum WavEncoding {
  PCM_16(16, false),
  PCM_24(24, false),
  FLOAT_32(32, true);

  private final int bits;
  private final boolean floating;

  WavEncoding(int bits, boolean floating) {
    this.bits = bits;
    this.floating = floating;
  }

  public int bitsPerSample() {
    return bits;
  }

  public int bytesPerSample() {
    return bits / 8;
  }

  public boolean isFloat() {
    return floating;
  }

  /** The sample format the encoding stores, for reading code that shares the conversions. */
  SampleFormat sampleFormat() {
    return switch (this) {
      case PCM_16 -> SampleFormat.PCM_S16;
      case PCM_24 -> SampleFormat.PCM_S24;
      case FLOAT_32 -> SampleFormat.FLOAT_32;
    };
  }
}
