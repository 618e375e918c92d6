package org.tsestudio.engine.dsp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tsestudio.engine.testutil.ExampleAudio;
import org.tsestudio.engine.testutil.TestSignals;

class SpectrogramTest {
  private static final int RATE = 16_000;

  @Test
  void magnitudePowerAndDecibelsAgreeOnASine() {
    // Bin 32 of a 512-point FFT at 16 kHz is 1000 Hz; amplitude 0.5 gives |X| = 0.5 * 512 / 4 = 64.
    float[] x = TestSignals.sine(RATE, 1000, RATE, 0.5);
    Stft stft = new Stft(512, 128, Window.HANN);
    float[][] mag = new Spectrogram(stft, Spectrogram.Scale.MAGNITUDE).compute(x);
    float[][] pow = new Spectrogram(stft, Spectrogram.Scale.POWER).compute(x);
    float[][] db = new Spectrogram(stft, Spectrogram.Scale.DECIBELS).compute(x);
    int t = 60;
    assertEquals(64.0, mag[t][32], 1e-3);
    assertEquals(4096.0, pow[t][32], 0.1);
    assertEquals(20 * Math.log10(64), db[t][32], 1e-4);
    for (int k = 0; k < 257; k++) {
      assertEquals(mag[t][k] * mag[t][k], pow[t][k], 1e-3 * Math.max(1, pow[t][k]));
    }
  }

  @Test
  void silenceSitsOnTheDecibelFloor() {
    float[][] db =
        new Spectrogram(new Stft(256, 64, Window.HANN), Spectrogram.Scale.DECIBELS)
            .compute(new float[2000]);
    for (float[] row : db) {
      for (float v : row) {
        assertEquals(-100f, v, 1e-4f);
      }
    }
  }

  @Test
  void logMelPeaksInTheBandOfAPureTone() {
    MelSpectrogram mel = MelSpectrogram.standard(RATE, 512, 160, 64);
    float[][] rows = mel.compute(TestSignals.sine(RATE, 2500, RATE, 0.5));
    float[] row = rows[50];
    int best = 0;
    for (int m = 1; m < row.length; m++) {
      best = row[m] > row[best] ? m : best;
    }
    MelFilterBank bank = mel.filterBank();
    double lower = best == 0 ? 0 : bank.centreHz(best - 1);
    double upper = best == row.length - 1 ? RATE / 2.0 : bank.centreHz(best + 1);
    assertTrue(lower < 2500 && 2500 < upper, "peak band " + best + " " + lower + "-" + upper);
    // Far from the tone only Hann side lobes remain: at least 60 dB down.
    assertTrue(row[best] - row[2] > 60, "dynamic range " + (row[best] - row[2]));
  }

  @Test
  void streamedRangedAndWholeSpectrogramsAreIdenticalOnSpeech() throws IOException {
    float[] speech = ExampleAudio.read("mixture.wav");
    Spectrogram spec = new Spectrogram(new Stft(512, 128, Window.HANN), Spectrogram.Scale.DECIBELS);
    MelSpectrogram mel = MelSpectrogram.standard(RATE, 512, 128, 80);
    float[][] wholeSpec = spec.compute(speech);
    float[][] wholeMel = mel.compute(speech);
    assertEquals(wholeSpec.length, wholeMel.length);
    assertEquals(80, wholeMel[0].length);

    List<float[]> streamedSpec = new ArrayList<>();
    List<float[]> streamedMel = new ArrayList<>();
    StftStream a = spec.stream((i, row) -> streamedSpec.add(row.clone()));
    StftStream b = mel.stream((i, row) -> streamedMel.add(row.clone()));
    Random random = new Random(9);
    for (int pos = 0; pos < speech.length; ) {
      int block = Math.min(speech.length - pos, 1 + random.nextInt(4000));
      a.write(speech, pos, block);
      b.write(speech, pos, block);
      pos += block;
    }
    a.finish();
    b.finish();
    assertEquals(wholeSpec.length, streamedSpec.size());
    for (int t = 0; t < wholeSpec.length; t++) {
      assertArrayEquals(wholeSpec[t], streamedSpec.get(t), "spectrogram frame " + t);
      assertArrayEquals(wholeMel[t], streamedMel.get(t), "mel frame " + t);
    }
    float[][] part = mel.compute(speech, 100, 20);
    for (int i = 0; i < 20; i++) {
      assertArrayEquals(wholeMel[100 + i], part[i]);
    }
  }
}
