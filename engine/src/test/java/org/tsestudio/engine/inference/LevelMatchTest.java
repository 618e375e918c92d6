package org.tsestudio.engine.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.testutil.ExampleAudio;

class LevelMatchTest {

  @Test
  void aPerfectEstimateAtAnyScaleGetsTheTargetsLevelInTheMixture() throws Exception {
    float[] mixture = AudioFiles.readMono(ExampleAudio.dir().resolve("mixture.wav")).samples();
    float[] target = AudioFiles.readMono(ExampleAudio.dir().resolve("target.wav")).samples();
    float[] estimate = new float[target.length];
    for (int i = 0; i < target.length; i++) {
      estimate[i] = 0.05f * target[i];
    }
    double gain = LevelMatch.gain(estimate, mixture);
    // The interferer is nearly orthogonal to the target, so the fit recovers the 1/0.05 scale.
    assertEquals(20.0, gain, 20.0 * 0.05);
  }

  @Test
  void theGainIsLoweredSoNothingClips() {
    float[] mixture = {0.9f, -0.9f, 0.9f, -0.9f};
    float[] estimate = {0.1f, -0.1f, 0.5f, -0.1f};
    double gain = LevelMatch.gain(estimate, mixture);
    assertEquals(LevelMatch.PEAK_LIMIT / 0.5, gain, 1e-9);
    LevelMatch.apply(estimate, gain);
    assertTrue(Math.abs(estimate[2]) <= LevelMatch.PEAK_LIMIT + 1e-6);
    assertEquals(0.0, LevelMatch.gain(new float[4], mixture));
  }
}
