package org.tsestudio.engine.dsp;

import java.util.Locale;
import org.tsestudio.engine.testutil.TestSignals;

/**
 * Prints how long the magnitude and log-mel spectrograms of a 10-minute file take, at 16 kHz and 48
 * kHz, whole-array and streamed in 1-second blocks (as the app draws a long file). Not a test: run
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.tsestudio.engine.dsp.SpectrogramBenchmark
 * </pre>
 *
 * Each figure is the best of {@code RUNS} runs after one warm-up run (JIT compilation).
 */
public final class SpectrogramBenchmark {
  private static final int MINUTES = 10;
  private static final int RUNS = 3;

  private SpectrogramBenchmark() {}

  public static void main(String[] args) {
    System.out.printf(
        Locale.ROOT,
        "%d-minute signal, best of %d runs; %d processors, Java %s%n",
        MINUTES,
        RUNS,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    // 10 ms hop at both rates; 32 ms / 43 ms windows; 80 and 128 mel bands.
    bench(16_000, 512, 160, 80);
    bench(48_000, 2048, 480, 128);
  }

  private static void bench(int rate, int fftSize, int hop, int mels) {
    float[] x = signal(rate);
    Stft stft = new Stft(fftSize, hop, Window.HANN);
    Spectrogram magnitude = new Spectrogram(stft, Spectrogram.Scale.MAGNITUDE);
    MelSpectrogram logMel = MelSpectrogram.standard(rate, fftSize, hop, mels);
    String setting = String.format(Locale.ROOT, "%d Hz, FFT %d, hop %d", rate, fftSize, hop);
    report(setting + ", magnitude, whole array", x, () -> magnitude.compute(x));
    report(
        setting + ", magnitude, 1 s blocks", x, () -> streamed(magnitude.stream(sink()), x, rate));
    report(setting + ", log-mel " + mels + ", whole array", x, () -> logMel.compute(x));
    report(
        setting + ", log-mel " + mels + ", 1 s blocks",
        x,
        () -> streamed(logMel.stream(sink()), x, rate));
  }

  private static float[] signal(int rate) {
    float[] x = TestSignals.speechLike(MINUTES * 60 * rate, rate, 1);
    float[] noise = TestSignals.gaussianNoise(x.length, 0.01, 2);
    for (int i = 0; i < x.length; i++) {
      x[i] += noise[i];
    }
    return x;
  }

  private static volatile double blackhole;

  private static RowSink sink() {
    return (frame, row) -> blackhole += row[row.length / 2];
  }

  private static Object streamed(StftStream stream, float[] x, int blockSize) {
    for (int pos = 0; pos < x.length; pos += blockSize) {
      stream.write(x, pos, Math.min(blockSize, x.length - pos));
    }
    stream.finish();
    return stream;
  }

  private static void report(String label, float[] x, java.util.function.Supplier<Object> work) {
    work.get();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Object result = work.get();
      best = Math.min(best, System.nanoTime() - start);
      blackhole += result.hashCode();
    }
    double seconds = best / 1e9;
    System.out.printf(
        Locale.ROOT,
        "%-52s %8.0f ms  (%5.0fx real time)%n",
        label,
        seconds * 1000,
        MINUTES * 60 / seconds);
  }
}
