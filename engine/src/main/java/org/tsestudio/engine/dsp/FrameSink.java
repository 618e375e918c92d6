package org.tsestudio.engine.dsp;

/**
 * Receives the frames of a streaming transform in order. The arrays are reused for the next frame:
 * copy them if they must outlive the call.
 */
@FunctionalInterface
public interface FrameSink {
  void accept(int frameIndex, float[] real, float[] imag);
}
