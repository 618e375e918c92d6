package org.tsestudio.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AbRendererTest {
  private static final int RATE = 16000;
  private static final int FADE = 160;

  /** Two sines of different frequency and phase: a hard switch between them would click. */
  private static float[][] sources(int n) {
    float[] a = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = (float) (0.5 * Math.sin(2 * Math.PI * 220 * i / RATE));
      b[i] = (float) (0.5 * Math.sin(2 * Math.PI * 330 * i / RATE + 2.0));
    }
    return new float[][] {a, b};
  }

  private static float maxStep(float[] y, int from, int to) {
    float step = 0;
    for (int i = Math.max(1, from); i < to; i++) {
      step = Math.max(step, Math.abs(y[i] - y[i - 1]));
    }
    return step;
  }

  @Test
  void switchingKeepsThePlayheadAndCrossFadesWithoutAClick() {
    float[][] s = sources(RATE);
    AbRenderer r = new AbRenderer(s, new float[] {1, 1}, FADE);
    r.start();
    float[] out = new float[4000];
    r.render(out, 2000);
    long before = r.position();
    r.select(1);
    assertEquals(before, r.position());
    float[] rest = new float[2000];
    r.render(rest, 2000);
    System.arraycopy(rest, 0, out, 2000, 2000);
    // The largest natural step of a 330 Hz sine at amplitude 0.5 is about 0.065.
    assertTrue(maxStep(out, 1, 4000) < 0.08f, "step " + maxStep(out, 1, 4000));
    // After the fade only source B is heard, sample-aligned with its own timeline.
    for (int i = 2000 + FADE + 1; i < 4000; i++) {
      assertEquals(s[1][i], out[i], 1e-6f);
    }
    assertEquals(4000, r.position());
  }

  @Test
  void hardSwitchWouldHaveClicked() {
    float[][] s = sources(RATE);
    float[] spliced = new float[4000];
    System.arraycopy(s[0], 0, spliced, 0, 2000);
    System.arraycopy(s[1], 2000, spliced, 2000, 2000);
    assertTrue(maxStep(spliced, 1, 4000) > 0.2f, "the fixture must make a click test meaningful");
  }

  @Test
  void loopWrapsToTheLoopStartSmoothly() {
    float[][] s = sources(RATE);
    AbRenderer r = new AbRenderer(s, new float[] {1, 1}, FADE);
    r.setLoop(1000, 3000);
    r.seek(1000);
    r.start();
    float[] out = new float[6000];
    r.render(out, 6000);
    assertTrue(r.position() >= 1000 && r.position() < 3000);
    assertTrue(maxStep(out, 1, 6000) < 0.08f);
  }

  @Test
  void pauseFadesOutAndThenStops() {
    AbRenderer r = new AbRenderer(sources(RATE), new float[] {1, 1}, FADE);
    r.start();
    float[] out = new float[1000];
    r.render(out, 1000);
    r.pause();
    int n = r.render(out, 1000);
    assertEquals(FADE, n);
    assertEquals(0f, out[n], 0f);
    assertEquals(AbRenderer.STOPPED, r.render(out, 1000));
  }

  @Test
  void endOfMaterialStops() {
    AbRenderer r = new AbRenderer(new float[][] {new float[500]}, new float[] {1}, 16);
    r.start();
    float[] out = new float[1000];
    int n = r.render(out, 1000);
    assertTrue(n <= 500 + 1, "rendered " + n);
    assertTrue(!r.isRunning());
  }

  @Test
  void gainsScaleEachSource() {
    float[] ones = new float[1000];
    java.util.Arrays.fill(ones, 0.5f);
    AbRenderer r = new AbRenderer(new float[][] {ones, ones}, new float[] {1f, 0.25f}, 16);
    r.select(1);
    r.start();
    float[] out = new float[100];
    r.render(out, 100);
    assertEquals(0.125f, out[99], 1e-6f);
  }
}
