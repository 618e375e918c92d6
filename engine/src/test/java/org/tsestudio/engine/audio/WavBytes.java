package org.tsestudio.engine.audio;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds WAV files byte by byte from the RIFF layout, independently of the writer under test, with
 * every header field settable so that tests can make the lying and broken headers found in the
 * wild.
 */
final class WavBytes {
  int tag = 1;
  int channels = 1;
  long rate = 16000;
  int bits = 16;
  Integer blockAlign;
  boolean extensible;
  int validBits = -1;
  byte[] data = new byte[0];
  Long riffSize;
  Long dataSize;
  Long fmtSize;
  byte[] chunkBeforeFmt;
  byte[] chunkBeforeData;

  static WavBytes pcm16(short... samples) {
    WavBytes w = new WavBytes();
    ByteBuffer b = le(samples.length * 2);
    for (short s : samples) {
      b.putShort(s);
    }
    w.data = b.array();
    return w;
  }

  static WavBytes float32(float... samples) {
    WavBytes w = new WavBytes();
    w.tag = 3;
    w.bits = 32;
    ByteBuffer b = le(samples.length * 4);
    for (float s : samples) {
      b.putFloat(s);
    }
    w.data = b.array();
    return w;
  }

  static WavBytes float64(double... samples) {
    WavBytes w = new WavBytes();
    w.tag = 3;
    w.bits = 64;
    ByteBuffer b = le(samples.length * 8);
    for (double s : samples) {
      b.putDouble(s);
    }
    w.data = b.array();
    return w;
  }

  /** Raw interleaved little-endian data of the given sample width. */
  static WavBytes raw(int tag, int bits, int channels, byte[] data) {
    WavBytes w = new WavBytes();
    w.tag = tag;
    w.bits = bits;
    w.channels = channels;
    w.data = data;
    return w;
  }

  WavBytes channels(int c) {
    channels = c;
    return this;
  }

  WavBytes rate(long r) {
    rate = r;
    return this;
  }

  WavBytes extensible() {
    extensible = true;
    return this;
  }

  byte[] build() {
    int align = blockAlign != null ? blockAlign : channels * ((bits + 7) / 8);
    ByteBuffer fmt = le(extensible ? 40 : 16);
    fmt.putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels);
    fmt.putInt((int) rate).putInt((int) (rate * align));
    fmt.putShort((short) align).putShort((short) bits);
    if (extensible) {
      fmt.putShort((short) 22).putShort((short) (validBits >= 0 ? validBits : bits));
      fmt.putInt(channels == 2 ? 3 : 0);
      fmt.putShort((short) tag);
      fmt.put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38});
      fmt.put(new byte[] {(byte) 0x9B, 0x71});
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ascii("WAVE"));
    if (chunkBeforeFmt != null) {
      body.writeBytes(chunkBeforeFmt);
    }
    body.writeBytes(ascii("fmt "));
    body.writeBytes(u32(fmtSize != null ? fmtSize : fmt.capacity()));
    body.writeBytes(fmt.array());
    if (chunkBeforeData != null) {
      body.writeBytes(chunkBeforeData);
    }
    body.writeBytes(ascii("data"));
    body.writeBytes(u32(dataSize != null ? dataSize : data.length));
    body.writeBytes(data);
    if (data.length % 2 == 1) {
      body.write(0);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii("RIFF"));
    out.writeBytes(u32(riffSize != null ? riffSize : body.size()));
    out.writeBytes(body.toByteArray());
    return out.toByteArray();
  }

  /** A chunk with the given id and body, padded to an even length. */
  static byte[] chunk(String id, byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ascii(id));
    out.writeBytes(u32(body.length));
    out.writeBytes(body);
    if (body.length % 2 == 1) {
      out.write(0);
    }
    return out.toByteArray();
  }

  static ByteBuffer le(int bytes) {
    return ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static byte[] u32(long v) {
    return le(4).putInt((int) v).array();
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
