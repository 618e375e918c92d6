package org.tsestudio.engine.dsp;

/**
 * Magnitude, power or decibel spectrogram: one row of {@code fftSize/2 + 1} values per STFT frame.
 *
 * <p>Decibels are {@code 10 log10(max(|X|^2, 1e-10))}, i.e. power relative to 1 with a floor at
 * -100 dB (as {@code librosa.power_to_db(ref=1.0, amin=1e-10)}); with the unnormalised DFT of
 * {@link Stft} a full-scale sine under a Hann window of length N peaks near {@code 20 log10(N/4)}.
 *
 * <p>Three ways to compute it, with identical results: the whole signal ({@link
 * #compute(float[])}), a range of frames ({@link #compute(float[], int, int)}, for the part of a
 * long file on screen), or pushed block by block ({@link #stream(RowSink)}, for files too long to
 * hold as one array).
 */
public final class Spectrogram {
  /** What each value of a row is. */
  public enum Scale {
    MAGNITUDE,
    POWER,
    DECIBELS
  }

  /** Power floor before taking decibels: -100 dB. */
  public static final float POWER_FLOOR = 1e-10f;

  private final Stft stft;
  private final Scale scale;

  public Spectrogram(Stft stft, Scale scale) {
    this.stft = stft;
    this.scale = scale;
  }

  public Stft stft() {
    return stft;
  }

  public Scale scale() {
    return scale;
  }

  /** Row length: fftSize / 2 + 1. */
  public int bins() {
    return stft.bins();
  }

  /** The spectrogram of the whole signal, {@code [frame][bin]}. */
  public float[][] compute(float[] signal) {
    return compute(signal, 0, stft.frameCount(signal.length));
  }

  /** Frames {@code [firstFrame, firstFrame + count)} of the spectrogram. */
  public float[][] compute(float[] signal, int firstFrame, int count) {
    float[][] rows = new float[count][stft.bins()];
    stft.forEachFrame(
        signal, firstFrame, count, (t, re, im) -> toRow(re, im, rows[t - firstFrame]));
    return rows;
  }

  /** A stream that turns pushed blocks of signal into rows handed to {@code sink}. */
  public StftStream stream(RowSink sink) {
    float[] row = new float[stft.bins()];
    return stft.stream(
        (frame, re, im) -> {
          toRow(re, im, row);
          sink.accept(frame, row);
        });
  }

  /** Converts one complex frame to a row. */
  void toRow(float[] re, float[] im, float[] row) {
    for (int k = 0; k < row.length; k++) {
      float power = re[k] * re[k] + im[k] * im[k];
      row[k] =
          switch (scale) {
            case MAGNITUDE -> (float) Math.sqrt(power);
            case POWER -> power;
            case DECIBELS -> decibels(power);
          };
    }
  }

  static float decibels(float power) {
    return (float) (10.0 * Math.log10(Math.max(power, POWER_FLOOR)));
  }
}
