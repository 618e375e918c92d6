package org.tsestudio.engine.audio;

import java.nio.file.Path;
import org.tsestudio.engine.TseException;

/**
 * Peak and RMS level over all channels of a file, measured block by block so that files of any
 * length can be measured.
 *
 * @param peak largest absolute sample value (1.0 is full scale)
 * @param rms root mean square of all samples of all channels
 * @param frames frames measured
 */
public record AudioLevels(double peak, double rms, long frames) {
  private static final int BLOCK = 1 << 15;

  public static AudioLevels measure(Path file) throws TseException {
    try (AudioStream s = AudioFiles.open(file)) {
      return measure(s);
    }
  }

  /** Measures from the stream's position to its end. */
  public static AudioLevels measure(AudioStream stream) throws TseException {
    int channels = stream.channels();
    float[][] block = new float[channels][BLOCK];
    double peak = 0;
    double sumSquares = 0;
    long frames = 0;
    int n;
    while ((n = stream.read(block, BLOCK)) > 0) {
      for (float[] channel : block) {
        for (int i = 0; i < n; i++) {
          double v = channel[i];
          peak = Math.max(peak, Math.abs(v));
          sumSquares += v * v;
        }
      }
      frames += n;
    }
    double rms = frames == 0 ? 0 : Math.sqrt(sumSquares / ((double) frames * channels));
    return new AudioLevels(peak, rms, frames);
  }

  /** Peak level in dB relative to full scale; negative infinity for silence. */
  public double peakDbfs() {
    return toDb(peak);
  }

  /** RMS level in dB relative to full scale (a full-scale sine reads -3.01); -inf for silence. */
  public double rmsDbfs() {
    return toDb(rms);
  }

  private static double toDb(double level) {
    return level == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(level);
  }
}
