package org.tsestudio.engine.dsp;

/**
 * Push-style STFT: a long file is written in blocks of any size, and each frame goes to the sink as
 * soon as its last sample has arrived. Memory is one frame, whatever the file's length. The frames
 * are those of {@link Stft#forward(float[])} on the concatenated blocks (same framing, same zero
 * padding at both ends); {@link #finish()} emits the frames that overhang the end.
 *
 * <p>Not thread-safe: one producer writes, in order.
 */
public final class StftStream {
  private final Stft stft;
  private final FrameSink sink;
  private final FrameTransformer transformer;
  private final int fftSize;
  private final int hop;
  // buffer[0] is sample frameStart(nextFrame); `filled` samples of it are valid.
  private final float[] buffer;
  private final float[] re;
  private final float[] im;
  private int filled;
  private int nextFrame;
  private long samplesWritten;
  private boolean finished;

  StftStream(Stft stft, FrameSink sink) {
    this.stft = stft;
    this.sink = sink;
    this.fftSize = stft.fftSize();
    this.hop = stft.hop();
    this.transformer = new FrameTransformer(fftSize, stft.windowNoCopy());
    this.buffer = new float[fftSize];
    this.re = new float[stft.bins()];
    this.im = new float[stft.bins()];
    // Frame 0 starts fftSize/2 samples before the signal: those are the left zero padding.
    this.filled = fftSize / 2;
  }

  /** Appends a whole block. */
  public void write(float[] block) {
    write(block, 0, block.length);
  }

  /** Appends {@code length} samples of {@code block} from {@code offset}. */
  public void write(float[] block, int offset, int length) {
    if (finished) {
      throw new IllegalStateException("STFT stream already finished");
    }
    if (offset < 0 || length < 0 || offset > block.length - length) {
      throw new IndexOutOfBoundsException(
          "block range [" + offset + ", " + (offset + length) + ") of " + block.length);
    }
    int pos = offset;
    int end = offset + length;
    while (pos < end) {
      int n = Math.min(end - pos, fftSize - filled);
      System.arraycopy(block, pos, buffer, filled, n);
      filled += n;
      pos += n;
      if (filled == fftSize) {
        emit();
      }
    }
    samplesWritten += length;
  }

  /** Ends the signal: emits the remaining frames, with zeros past the last sample. Idempotent. */
  public void finish() {
    if (finished) {
      return;
    }
    finished = true;
    int total = stft.frameCount(samplesWritten);
    while (nextFrame < total) {
      java.util.Arrays.fill(buffer, filled, fftSize, 0f);
      filled = fftSize;
      emit();
    }
  }

  /** Number of samples written so far. */
  public long samplesWritten() {
    return samplesWritten;
  }

  /** Number of frames handed to the sink so far. */
  public int framesEmitted() {
    return nextFrame;
  }

  private void emit() {
    transformer.forward(buffer, re, im);
    sink.accept(nextFrame, re, im);
    nextFrame++;
    System.arraycopy(buffer, hop, buffer, 0, fftSize - hop);
    filled = fftSize - hop;
  }
}
