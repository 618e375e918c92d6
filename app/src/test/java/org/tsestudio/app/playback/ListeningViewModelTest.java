package org.tsestudio.app.playback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.StudioFixture;

class ListeningViewModelTest {

  @Test
  void withoutOutputsOnlyTheMixtureCanBeHeard() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      ListeningViewModel l = f.vm.listening();
      assertTrue(l.readyProperty().get());
      assertFalse(l.aAvailableProperty().get());
      assertFalse(l.switchTo(Slot.A));
      assertEquals(Slot.MIXTURE, l.activeProperty().get());
    }
  }

  @Test
  void switchingChangesTheHeardSourceAtTheSamePlayhead() {
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ListeningViewModel l = f.vm.listening();
      assertTrue(l.aAvailableProperty().get() && l.bAvailableProperty().get());
      l.seek(1.5);
      assertTrue(l.switchTo(Slot.A));
      assertEquals("v7", l.heardKeyProperty().get());
      assertEquals(1, f.engine.renderer().selected());
      assertTrue(l.switchTo(Slot.B));
      assertEquals("v8", l.heardKeyProperty().get());
      assertEquals(2, f.engine.renderer().selected());
      assertEquals(24000, f.engine.renderer().position());
      assertTrue(l.switchTo(Slot.MIXTURE));
      assertEquals("mixture", l.heardKeyProperty().get());
    }
  }

  @Test
  void playbackRunsInRealTimeOnTheNullDevice() throws Exception {
    try (StudioFixture f = new StudioFixture().withExample()) {
      ListeningViewModel l = f.vm.listening();
      l.play();
      Thread.sleep(400);
      l.tick();
      double t = f.vm.session().timeline().playhead();
      l.pause();
      assertTrue(t > 0.2 && t < 1.0, "playhead after 0.4 s: " + t);
    }
  }

  @Test
  void loopFollowsTheSelection() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      ListeningViewModel l = f.vm.listening();
      f.vm.session().timeline().select(1, 2);
      l.loopProperty().set(true);
      l.seek(0.2);
      f.engine.renderer().start();
      float[] block = new float[16000 * 3];
      f.engine.renderer().render(block, block.length);
      long pos = f.engine.renderer().position();
      assertTrue(pos >= 16000 && pos < 32000, "position " + pos);
    }
  }

  @Test
  void blindModeHidesTheModelsAndTalliesPicks() {
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ListeningViewModel l = f.vm.listening();
      l.switchTo(Slot.A);
      l.blindProperty().set(true);
      assertEquals("X", l.labelAProperty().get());
      assertEquals("Y", l.labelBProperty().get());
      assertTrue(f.vm.metrics().hiddenProperty().get());
      String hiddenA = l.blindTest().hiddenAt(0);
      assertEquals(hiddenA, l.heardKeyProperty().get());
      l.prefer(Slot.A);
      l.prefer(Slot.B);
      assertEquals(2, l.trialsProperty().get());
      assertFalse(l.tallyTextProperty().get().contains("v7"), "no reveal while blind");
      l.blindProperty().set(false);
      assertTrue(l.tallyTextProperty().get().contains("of 2 picks"), l.tallyTextProperty().get());
      assertEquals("v7", l.labelAProperty().get());
    }
  }

  @Test
  void loudnessMatchingAttenuatesTheLouderMixture() {
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ListeningViewModel l = f.vm.listening();
      String text = l.gainsTextProperty().get();
      assertTrue(text.startsWith("Loudness: mixture"), text);
      assertNotEquals(-1, text.indexOf("(-"), text);
      l.loudnessMatchProperty().set(false);
      assertFalse(l.gainsTextProperty().get().contains("(-"), l.gainsTextProperty().get());
    }
  }
}
