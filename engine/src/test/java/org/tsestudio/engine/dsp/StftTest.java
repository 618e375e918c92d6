package org.tsestudio.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.TestSignals;

class StftTest {

  private static void assertReconstructs(Stft stft, float[] x) {
    float[] y = new Istft(stft).inverse(stft.forward(x), x.length);
    double err = TestSignals.maxAbsDifference(x, y);
    assertTrue(err < 1e-5, "max reconstruction error " + err + " for " + x.length + " samples");
  }

  @ParameterizedTest(name = "Hann fft {0} hop {1}")
  @CsvSource({"512, 128", "512, 256", "400, 100", "400, 200", "1024, 256"})
  void hannReconstructsRandomSignalsPerfectly(int fftSize, int hop) {
    Stft stft = new Stft(fftSize, hop, Window.HANN);
    // Lengths that are and are not multiples of the hop, and one shorter than a frame.
    for (int length : new int[] {48_000, 48_000 + 77, fftSize - 3, 1}) {
      assertReconstructs(stft, TestSignals.uniformNoise(length, 1.0, length));
    }
  }

  @ParameterizedTest(name = "Hann fft {0} hop {1}")
  @CsvSource({"512, 128", "512, 256"})
  void hannReconstructsSpeechPerfectly(int fftSize, int hop) throws IOException {
    Stft stft = new Stft(fftSize, hop, Window.HANN);
    assertReconstructs(stft, ExampleAudio.read("mixture.wav"));
    assertReconstructs(stft, TestSignals.speechLike(40_001, 16_000, 7));
  }

  @Test
  void otherWindowsAndShortWindowsReconstructToo() {
    float[] x = TestSignals.uniformNoise(20_000, 1.0, 3);
    assertReconstructs(new Stft(512, 256, Window.SQRT_HANN), x);
    assertReconstructs(new Stft(512, 128, Window.HAMMING), x);
    assertReconstructs(new Stft(512, 128, Window.BLACKMAN), x);
    // A 25 ms window in a 512-point FFT, 10 ms hop: the 16 kHz speech front-end setting.
    assertReconstructs(new Stft(512, 160, Window.HANN.coefficients(400)), x);
  }

  @Test
  void sineGivesExpectedPeakMagnitudeAndPhaseConvention() {
    // 1 kHz at 16 kHz with a 512-point FFT falls exactly on bin 32. With a periodic Hann window of
    // length N the windowed sum of a unit cosine at that bin is sum(w)/2 = N/4 = 128. Frame 10
    // starts at 10*128 - 256 = 1024 samples, a whole number of periods (16 samples each), so a
    // cosine gives X[32] = +128 (real) and, with the e^{-i...} DFT sign, a sine gives -128i.
    int n = 16_000;
    float[] cosine = new float[n];
    float[] sine = TestSignals.sine(n, 1000, 16_000, 1.0);
    for (int i = 0; i < n; i++) {
      cosine[i] = (float) Math.cos(2 * Math.PI * 1000 * i / 16_000.0);
    }
    Stft stft = new Stft(512, 128, Window.HANN);
    ComplexSpectrogram c = stft.forward(cosine, 10, 1);
    ComplexSpectrogram s = stft.forward(sine, 10, 1);
    assertEquals(128.0, c.real()[0][32], 1e-3);
    assertEquals(0.0, c.imag()[0][32], 1e-3);
    assertEquals(0.0, s.real()[0][32], 1e-3);
    assertEquals(-128.0, s.imag()[0][32], 1e-3);
    // Hann leaks into the two neighbours with half the amplitude and opposite sign, nowhere else.
    assertEquals(-64.0, c.real()[0][31], 1e-3);
    assertEquals(0.0, Math.hypot(c.real()[0][40], c.imag()[0][40]), 1e-3);
  }

  @Test
  void frameCountFollowsTheCenteredConvention() {
    Stft stft = new Stft(512, 128, Window.HANN);
    assertEquals(0, stft.frameCount(0));
    assertEquals(1, stft.frameCount(1));
    assertEquals(2, stft.frameCount(127));
    assertEquals(2, stft.frameCount(128));
    assertEquals(2, stft.frameCount(129));
    assertEquals(3, stft.frameCount(130));
    assertEquals(126, stft.frameCount(16_000));
    assertEquals(-256, stft.frameStart(0));
    assertEquals(126, stft.forward(new float[16_000]).frames());
    assertEquals(257, stft.bins());
  }

  @Test
  void streamingInRandomBlocksGivesTheSameFramesAsTheWholeSignal() {
    float[] x = TestSignals.speechLike(33_333, 16_000, 11);
    Stft stft = new Stft(512, 128, Window.HANN);
    ComplexSpectrogram whole = stft.forward(x);
    List<float[]> re = new ArrayList<>();
    List<float[]> im = new ArrayList<>();
    List<Integer> indices = new ArrayList<>();
    StftStream stream =
        stft.stream(
            (frame, r, i) -> {
              indices.add(frame);
              re.add(r.clone());
              im.add(i.clone());
            });
    Random random = new Random(5);
    int pos = 0;
    while (pos < x.length) {
      int block = Math.min(x.length - pos, random.nextInt(1500));
      stream.write(x, pos, block);
      pos += block;
    }
    stream.finish();
    stream.finish();
    assertEquals(whole.frames(), stream.framesEmitted());
    assertEquals(x.length, stream.samplesWritten());
    for (int t = 0; t < whole.frames(); t++) {
      assertEquals(t, indices.get(t));
      assertArrayEquals(whole.real()[t], re.get(t), "frame " + t);
      assertArrayEquals(whole.imag()[t], im.get(t), "frame " + t);
    }
    assertThrows(IllegalStateException.class, () -> stream.write(new float[1]));
  }

  @Test
  void aRangeOfFramesMatchesTheWholeTransform() {
    float[] x = TestSignals.uniformNoise(10_000, 0.5, 1);
    Stft stft = new Stft(256, 64, Window.HANN);
    ComplexSpectrogram whole = stft.forward(x);
    ComplexSpectrogram part = stft.forward(x, 150, 7);
    for (int i = 0; i < 7; i++) {
      assertArrayEquals(whole.real()[150 + i], part.real()[i]);
      assertArrayEquals(whole.imag()[150 + i], part.imag()[i]);
    }
    assertThrows(IllegalArgumentException.class, () -> stft.forward(x, 156, 3));
    assertThrows(IllegalArgumentException.class, () -> stft.forward(x, -1, 3));
  }

  @Test
  void rejectsSettingsThatCannotBeInverted() {
    assertThrows(IllegalArgumentException.class, () -> new Stft(511, 128, Window.HANN));
    assertThrows(IllegalArgumentException.class, () -> new Stft(512, 513, Window.HANN));
    assertThrows(IllegalArgumentException.class, () -> new Stft(512, 0, Window.HANN));
    // A Hann window at hop = window length weights only one sample per frame boundary by 0.
    assertThrows(IllegalArgumentException.class, () -> new Stft(512, 512, Window.HANN));
    Stft stft = new Stft(512, 128, Window.HANN);
    ComplexSpectrogram c = stft.forward(new float[1000]);
    assertThrows(IllegalArgumentException.class, () -> new Istft(stft).inverse(c, 2000));
  }
}
