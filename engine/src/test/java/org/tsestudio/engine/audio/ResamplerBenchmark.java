package org.tsestudio.engine.audio;

import java.util.Locale;
import java.util.Random;

/**
 * Prints resampling speed, in seconds of audio per second of (single-thread) compute, for a
 * 10-minute signal: whole-array and streamed in 1-second blocks. Not a test: run
 *
 * <pre>
 * mvn -q -pl engine test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.tsestudio.engine.audio.ResamplerBenchmark
 * </pre>
 *
 * Each figure is the best of {@code RUNS} runs after one warm-up run (JIT compilation).
 */
public final class ResamplerBenchmark {
  private static final int SECONDS = 600;
  private static final int RUNS = 3;

  private ResamplerBenchmark() {}

  public static void main(String[] args) {
    System.out.printf(
        Locale.ROOT,
        "%d-second signal, best of %d runs; %d processors, Java %s%n",
        SECONDS,
        RUNS,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    int[][] pairs = {{48_000, 16_000}, {16_000, 48_000}, {44_100, 16_000}, {16_000, 8_000}};
    for (int[] p : pairs) {
      bench(p[0], p[1]);
    }
  }

  private static void bench(int from, int to) {
    float[] x = speechLikeNoise(from);
    Resampler r = new Resampler(from, to);
    double whole = best(() -> r.process(x));
    double streamed = best(() -> streamInSeconds(r, x, from));
    System.out.printf(
        Locale.ROOT,
        "%6d -> %6d Hz (%3d taps): whole %7.0f s/s, streamed %7.0f s/s%n",
        from,
        to,
        2 * r.halfWidth(),
        SECONDS / whole,
        SECONDS / streamed);
  }

  private static float streamInSeconds(Resampler r, float[] x, int rate) {
    StreamingResampler s = r.newStream();
    float[] out = new float[s.maxOutput(rate) + 16];
    float sum = 0;
    for (int pos = 0; pos < x.length; pos += rate) {
      int n = s.process(x, pos, Math.min(rate, x.length - pos), out, 0);
      sum += n > 0 ? out[n - 1] : 0;
    }
    return sum + s.finish(out, 0);
  }

  private static double best(Runnable work) {
    work.run();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < RUNS; i++) {
      long t0 = System.nanoTime();
      work.run();
      best = Math.min(best, (System.nanoTime() - t0) / 1e9);
    }
    return best;
  }

  // Noise with a slowly varying level: content across the band, as speech plus noise has.
  private static float[] speechLikeNoise(int rate) {
    Random random = new Random(42);
    float[] x = new float[SECONDS * rate];
    for (int i = 0; i < x.length; i++) {
      double envelope = 0.2 + 0.15 * Math.sin(2 * Math.PI * 3 * i / rate);
      x[i] = (float) (envelope * random.nextGaussian() * 0.3);
    }
    return x;
  }
}
