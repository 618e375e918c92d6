package org.tsestudio.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.engine.audio.AudioFiles;

class LoudnessTest {

  @Test
  void fullScaleSineIsAboutMinusThree() {
    float[] x = new float[16000 * 2];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * 440 * i / 16000.0);
    }
    assertEquals(-3.01, Loudness.gatedDb(x, 16000), 0.05);
  }

  @Test
  void gatingIgnoresSilenceBetweenWords() {
    float[] burst = new float[16000 * 4];
    for (int i = 0; i < 16000; i++) {
      burst[i] = (float) (0.1 * Math.sin(2 * Math.PI * 300 * i / 16000.0));
    }
    float[] continuous = new float[16000];
    System.arraycopy(burst, 0, continuous, 0, 16000);
    assertEquals(Loudness.gatedDb(continuous, 16000), Loudness.gatedDb(burst, 16000), 1.0);
  }

  @Test
  void matchingBringsEveryoneDownToTheQuietest() throws Exception {
    float[] mix = AudioFiles.readMono(Examples.mixture()).samples();
    float[] target = AudioFiles.readMono(Examples.target()).samples();
    double[] l = {Loudness.gatedDb(mix, 16000), Loudness.gatedDb(target, 16000)};
    assertTrue(l[0] > l[1], "the sum of two voices is louder than one");
    float[] g = Loudness.matchingGains(l);
    assertEquals(1f, g[1], 1e-6f);
    assertTrue(g[0] < 1f);
    float[] scaled = mix.clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= g[0];
    }
    assertEquals(l[1], Loudness.gatedDb(scaled, 16000), 0.01);
  }

  @Test
  void silenceKeepsUnityGain() {
    float[] g = Loudness.matchingGains(new double[] {-20, Loudness.SILENT_DB});
    assertEquals(1f, g[0]);
    assertEquals(1f, g[1]);
  }
}
