package org.tsestudio.app.reference;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.engine.audio.AudioFiles;

class SilenceTrimTest {

  @Test
  void speechPaddedWithSilenceIsFoundAgain() throws Exception {
    float[] speech = AudioFiles.readMono(Examples.reference()).samples();
    int pad = 16000;
    float[] padded = new float[speech.length + 2 * pad];
    System.arraycopy(speech, 0, padded, pad, speech.length);
    // A faint hiss in the "silence", as a real microphone gives.
    java.util.Random r = new java.util.Random(2);
    for (int i = 0; i < padded.length; i++) {
      padded[i] += (float) (r.nextGaussian() * 1e-4);
    }
    int[] range = SilenceTrim.audibleRange(padded, 16000, 0.05);
    assertNotNull(range);
    int[] inner = SilenceTrim.audibleRange(speech, 16000, 0.05);
    assertTrue(Math.abs(range[0] - (pad + inner[0])) < 400, "start " + range[0]);
    assertTrue(Math.abs(range[1] - (pad + inner[1])) < 400, "end " + range[1]);
    assertTrue(range[0] > pad - 2000 && range[1] < pad + speech.length + 2000);
  }

  @Test
  void silenceHasNoAudibleRange() {
    assertNull(SilenceTrim.audibleRange(new float[16000], 16000, 0.1));
  }
}
