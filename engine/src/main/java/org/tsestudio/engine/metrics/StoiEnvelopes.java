package org.tsestudio.engine.metrics;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The front end shared by STOI and ESTOI: resample to 10 kHz, drop the frames where the clean
 * signal is silent, and compute one-third-octave band envelopes, as in Taal et al. (2011) and the
 * authors' reference code.
 *
 * <p>Framing follows the reference exactly, because STOI values depend on it: 256-sample frames
 * (25.6 ms) every 128 samples, starting at sample 0 and only while a whole frame plus one sample
 * fits; the window is the <em>symmetric</em> Hann of MATLAB's {@code hanning(256)}, i.e. {@code 0.5
 * - 0.5 cos(2 pi k / 257)} for k = 1..256 (no zero end points); silent-frame removal windows the
 * frames, keeps those whose clean energy is within 40 dB of the loudest, and overlap-adds the kept
 * frames back to back; the DFT analysis then windows again (as the reference does) with a 512-point
 * FFT.
 */
final class StoiEnvelopes {
  static final int RATE = 10_000;
  static final int FRAME = 256;
  static final int HOP = FRAME / 2;
  static final int FFT_SIZE = 512;
  static final int BANDS = 15;
  static final double LOWEST_CENTRE_HZ = 150.0;
  static final double DYNAMIC_RANGE_DB = 40.0;

  /** Band envelopes {@code [band][frame]} of clean and processed signals, same frame count. */
  record Envelopes(double[][] clean, double[][] processed) {
    int frames() {
      return clean[0].length;
    }
  }

  private static final double[] WINDOW = symmetricHann(FRAME);
  private static final int[][] BAND_BINS = bandBins(RATE, FFT_SIZE, BANDS, LOWEST_CENTRE_HZ);

  private StoiEnvelopes() {}

  static Envelopes compute(float[] clean, float[] processed, int sampleRate) {
    double[] x = RationalResampler.resample(clean, sampleRate, RATE);
    double[] y = RationalResampler.resample(processed, sampleRate, RATE);
    double[][] kept = removeSilentFrames(x, y);
    return new Envelopes(bandEnvelopes(kept[0]), bandEnvelopes(kept[1]));
  }

  /** Number of frame starts 0, HOP, 2 HOP, ... with start + FRAME < length (as the reference). */
  static int frameCount(int length) {
    return length <= FRAME ? 0 : (length - FRAME - 1) / HOP + 1;
  }

  /** Returns {x, y} rebuilt from the frames where x is within DYNAMIC_RANGE_DB of its loudest. */
  static double[][] removeSilentFrames(double[] x, double[] y) {
    int frames = frameCount(x.length);
    double[] energyDb = new double[frames];
    double loudest = Double.NEGATIVE_INFINITY;
    for (int f = 0; f < frames; f++) {
      double sum = 0;
      for (int k = 0; k < FRAME; k++) {
        double v = x[f * HOP + k] * WINDOW[k];
        sum += v * v;
      }
      energyDb[f] = 10 * Math.log10(sum);
      loudest = Math.max(loudest, energyDb[f]);
    }
    int keptCount = 0;
    boolean[] keep = new boolean[frames];
    for (int f = 0; f < frames; f++) {
      // Written as the reference does it; all-silent input (loudest = -inf) gives NaN: none kept.
      keep[f] = energyDb[f] - loudest + DYNAMIC_RANGE_DB > 0;
      keptCount += keep[f] ? 1 : 0;
    }
    int length = keptCount == 0 ? 0 : (keptCount - 1) * HOP + FRAME;
    double[] xs = new double[length];
    double[] ys = new double[length];
    int out = 0;
    for (int f = 0; f < frames; f++) {
      if (keep[f]) {
        for (int k = 0; k < FRAME; k++) {
          xs[out + k] += x[f * HOP + k] * WINDOW[k];
          ys[out + k] += y[f * HOP + k] * WINDOW[k];
        }
        out += HOP;
      }
    }
    return new double[][] {xs, ys};
  }

  /** {@code sqrt(sum over the band's bins of |X(k, m)|^2)} for every band and frame. */
  static double[][] bandEnvelopes(double[] x) {
    int frames = frameCount(x.length);
    double[][] env = new double[BANDS][frames];
    DoubleFFT_1D fft = new DoubleFFT_1D(FFT_SIZE);
    double[] buf = new double[FFT_SIZE];
    double[] power = new double[FFT_SIZE / 2 + 1];
    for (int m = 0; m < frames; m++) {
      java.util.Arrays.fill(buf, 0);
      for (int k = 0; k < FRAME; k++) {
        buf[k] = x[m * HOP + k] * WINDOW[k];
      }
      fft.realForward(buf);
      // Packed layout: buf[0] = Re[0], buf[1] = Re[N/2], buf[2k] = Re[k], buf[2k+1] = Im[k].
      power[0] = buf[0] * buf[0];
      power[FFT_SIZE / 2] = buf[1] * buf[1];
      for (int k = 1; k < FFT_SIZE / 2; k++) {
        power[k] = buf[2 * k] * buf[2 * k] + buf[2 * k + 1] * buf[2 * k + 1];
      }
      for (int j = 0; j < BANDS; j++) {
        double sum = 0;
        for (int k = BAND_BINS[j][0]; k < BAND_BINS[j][1]; k++) {
          sum += power[k];
        }
        env[j][m] = Math.sqrt(sum);
      }
    }
    return env;
  }

  /**
   * One-third-octave bands as FFT bin ranges {@code [first, end)}: band j has centre {@code 150 *
   * 2^(j/3)} Hz and edges {@code 150 * 2^((2j -+ 1)/6)} Hz, each edge moved to the nearest bin (the
   * lower bin on a tie); the upper edge's bin is excluded.
   */
  static int[][] bandBins(int rate, int fftSize, int bands, double lowestCentreHz) {
    int[][] bins = new int[bands][2];
    for (int j = 0; j < bands; j++) {
      bins[j][0] = nearestBin(lowestCentreHz * Math.pow(2, (2.0 * j - 1) / 6), rate, fftSize);
      bins[j][1] = nearestBin(lowestCentreHz * Math.pow(2, (2.0 * j + 1) / 6), rate, fftSize);
    }
    return bins;
  }

  static int[][] bandBins() {
    return BAND_BINS;
  }

  private static int nearestBin(double hz, int rate, int fftSize) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k <= fftSize / 2; k++) {
      double d = Math.abs((double) k * rate / fftSize - hz);
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return best;
  }

  private static double[] symmetricHann(int n) {
    double[] w = new double[n];
    for (int k = 0; k < n; k++) {
      w[k] = 0.5 - 0.5 * Math.cos(2 * Math.PI * (k + 1) / (n + 1));
    }
    return w;
  }
}
