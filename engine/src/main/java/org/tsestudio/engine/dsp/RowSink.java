package org.tsestudio.engine.dsp;

/**
 * Receives one spectrogram row (one frame: magnitudes, powers, dB or log-mel values) at a time, in
 * frame order. The array is reused for the next row: copy it if it must outlive the call.
 */
@FunctionalInterface
public interface RowSink {
  void accept(int frameIndex, float[] row);
}
