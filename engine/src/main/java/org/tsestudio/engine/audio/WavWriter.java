package org.tsestudio.engine.audio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.tsestudio.engine.TseException;

/**
 * Streams audio into a WAV file that appears under its name only when complete: samples go to a
 * temporary file in the target's folder, and {@link #commit()} renames it over the target in one
 * step. Closing without committing deletes the temporary file, so a failure never leaves a
 * half-written WAV behind or damages the file that was there before.
 *
 * <pre>{@code
 * try (WavWriter w = WavWriter.create(out, 16000, 1, WavEncoding.PCM_16, input)) {
 *   w.write(block, n);
 *   w.commit();
 * }
 * }</pre>
 */
public final class WavWriter implements AutoCloseable {
  // The RIFF and data sizes are 32-bit, so a plain WAV holds at most 4 GiB.
  private static final long MAX_RIFF_BYTES = 0xFFFF_FFFFL;
  private static final int MAX_BLOCK_BYTES = 1 << 20;

  private final AtomicOutput output;
  private final int sampleRate;
  private final int channels;
  private final WavEncoding encoding;
  private final int headerBytes;
  private ByteBuffer buffer;
  private long dataBytes;
  private boolean done;

  private WavWriter(AtomicOutput output, int sampleRate, int channels, WavEncoding encoding) {
    this.output = output;
    this.sampleRate = sampleRate;
    this.channels = channels;
    this.encoding = encoding;
    this.headerBytes = encoding.isFloat() ? 58 : 44;
  }

  /**
   * Starts writing {@code target}. Refuses when the target is one of {@code inputs} or a file this
   * process is reading, is a folder, or its folder does not exist.
   */
  public static WavWriter create(
      Path target, int sampleRate, int channels, WavEncoding encoding, Path... inputs)
      throws TseException {
    if (sampleRate <= 0 || channels <= 0 || channels > WavHeader.MAX_CHANNELS) {
      throw new IllegalArgumentException(
          "invalid sample rate " + sampleRate + " or channel count " + channels);
    }
    AtomicOutput output = AtomicOutput.create(target, inputs);
    WavWriter w = new WavWriter(output, sampleRate, channels, encoding);
    try {
      // A placeholder until commit() knows the sizes; the samples follow it.
      w.output.write(w.header());
      return w;
    } catch (TseException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  public Path target() {
    return output.target();
  }

  /** Appends {@code frames} frames of {@code block[c][0..frames)} for each channel c. */
  public void write(float[][] block, int frames) throws TseException {
    if (done) {
      throw new IllegalStateException("writer for " + target() + " is already closed");
    }
    if (block.length < channels) {
      throw new IllegalArgumentException("need " + channels + " channel arrays");
    }
    int blockAlign = channels * encoding.bytesPerSample();
    if (headerBytes - 8 + dataBytes + (long) frames * blockAlign > MAX_RIFF_BYTES) {
      throw TseException.forFile(target(), "too long for a WAV file (4 GiB limit)");
    }
    int perBlock = Math.max(1, MAX_BLOCK_BYTES / blockAlign);
    for (int written = 0; written < frames; ) {
      int n = Math.min(perBlock, frames - written);
      checkFinite(block, written, n);
      ByteBuffer b = buffer(n * blockAlign);
      encoding.sampleFormat().encode(block, written, n, channels, b);
      output.write(b.flip());
      dataBytes += b.limit();
      written += n;
    }
  }

  /** Appends samples of a mono file. */
  public void writeMono(float[] samples, int frames) throws TseException {
    write(new float[][] {samples}, frames);
  }

  /** Completes the header, flushes to disk and renames the file onto its target. */
  public void commit() throws TseException {
    if (done) {
      throw new IllegalStateException("writer for " + target() + " is already closed");
    }
    if (dataBytes % 2 == 1) {
      // RIFF chunks are padded to an even size.
      output.write(ByteBuffer.wrap(new byte[1]));
    }
    output.writeAt(header(), 0);
    output.commit();
    done = true;
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      output.abort();
    }
  }

  private void checkFinite(float[][] block, int from, int frames) throws TseException {
    for (int c = 0; c < channels; c++) {
      for (int i = from; i < from + frames; i++) {
        if (!Float.isFinite(block[c][i])) {
          long frame = dataBytes / ((long) channels * encoding.bytesPerSample()) + i - from;
          throw TseException.forFile(
              target(), "cannot write a NaN or infinite sample (frame " + frame + ")");
        }
      }
    }
  }

  private ByteBuffer header() {
    ByteBuffer h = ByteBuffer.allocate(headerBytes).order(ByteOrder.LITTLE_ENDIAN);
    int blockAlign = channels * encoding.bytesPerSample();
    long padded = dataBytes + (dataBytes & 1);
    h.put(ascii("RIFF")).putInt((int) (headerBytes - 8 + padded)).put(ascii("WAVE"));
    h.put(ascii("fmt ")).putInt(encoding.isFloat() ? 18 : 16);
    h.putShort((short) (encoding.isFloat() ? 3 : 1)).putShort((short) channels);
    h.putInt(sampleRate).putInt((int) ((long) sampleRate * blockAlign));
    h.putShort((short) blockAlign).putShort((short) encoding.bitsPerSample());
    if (encoding.isFloat()) {
      // Non-PCM formats carry an extension size and a fact chunk with the frame count.
      h.putShort((short) 0);
      h.put(ascii("fact")).putInt(4).putInt((int) (dataBytes / blockAlign));
    }
    h.put(ascii("data")).putInt((int) dataBytes);
    return h.flip();
  }

  private ByteBuffer buffer(int bytes) {
    if (buffer == null || buffer.capacity() < bytes) {
      buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }
    buffer.clear().limit(bytes);
    return buffer;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
