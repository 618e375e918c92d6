package org.tsestudio.engine.dsp;

/**
 * Log-mel spectrogram: STFT power spectrum, mel filter bank, then decibels {@code 10 log10(max(mel,
 * 1e-10))} (power relative to 1, floor at -100 dB, as {@code librosa.power_to_db(ref=1.0,
 * amin=1e-10)} of a power mel spectrogram).
 *
 * <p>Like {@link Spectrogram}: whole signal, a range of frames, or pushed block by block, with
 * identical results.
 */
public final class MelSpectrogram {
  private final Stft stft;
  private final MelFilterBank bank;

  public MelSpectrogram(Stft stft, MelFilterBank bank) {
    if (stft.fftSize() != bank.fftSize()) {
      throw new IllegalArgumentException(
          "filter bank built for FFT size " + bank.fftSize() + ", STFT uses " + stft.fftSize());
    }
    this.stft = stft;
    this.bank = bank;
  }

  /**
   * The usual display and feature settings: Hann window of length fftSize, Slaney mel scale with
   * area normalisation, 0 Hz to Nyquist.
   */
  public static MelSpectrogram standard(int sampleRate, int fftSize, int hop, int mels) {
    return new MelSpectrogram(
        new Stft(fftSize, hop, Window.HANN),
        new MelFilterBank(sampleRate, fftSize, mels, 0.0, sampleRate / 2.0, MelScale.SLANEY, true));
  }

  public Stft stft() {
    return stft;
  }

  public MelFilterBank filterBank() {
    return bank;
  }

  /** Row length: the number of mel bands. */
  public int mels() {
    return bank.mels();
  }

  /** Log-mel spectrogram of the whole signal, {@code [frame][mel]} in dB. */
  public float[][] compute(float[] signal) {
    return compute(signal, 0, stft.frameCount(signal.length));
  }

  /** Frames {@code [firstFrame, firstFrame + count)} of the log-mel spectrogram. */
  public float[][] compute(float[] signal, int firstFrame, int count) {
    float[][] rows = new float[count][bank.mels()];
    float[] power = new float[stft.bins()];
    stft.forEachFrame(
        signal, firstFrame, count, (t, re, im) -> toRow(re, im, power, rows[t - firstFrame]));
    return rows;
  }

  /** A stream that turns pushed blocks of signal into log-mel rows handed to {@code sink}. */
  public StftStream stream(RowSink sink) {
    float[] power = new float[stft.bins()];
    float[] row = new float[bank.mels()];
    return stft.stream(
        (frame, re, im) -> {
          toRow(re, im, power, row);
          sink.accept(frame, row);
        });
  }

  private void toRow(float[] re, float[] im, float[] power, float[] row) {
    for (int k = 0; k < power.length; k++) {
      power[k] = re[k] * re[k] + im[k] * im[k];
    }
    bank.apply(power, row);
    for (int m = 0; m < row.length; m++) {
      row[m] = Spectrogram.decibels(row[m]);
    }
  }
}
