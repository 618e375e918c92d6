package org.tsestudio.app.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.testutil.StudioFixture;

class ReferenceViewModelTest {

  @Test
  void aSelectionOfTheMixtureBecomesTheReference() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(java.util.List.of(Examples.mixture()));
      f.vm.session().timeline().select(1.0, 3.5);
      assertTrue(f.vm.reference().useMixtureSelection());
      Clip ref = f.vm.session().current().referenceProperty().get();
      assertEquals(40000, ref.signal().samples().length);
      assertEquals(
          f.vm.session().current().mixtureProperty().get().signal().samples()[16000],
          ref.signal().samples()[0]);
      assertTrue(f.vm.reference().summaryProperty().get().startsWith("From mixture"));
    }
  }

  @Test
  void loadingAndTrimming() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(java.util.List.of(Examples.mixture()));
      f.vm.reference().load(Examples.reference());
      Clip loaded = f.vm.session().current().referenceProperty().get();
      assertEquals(76000, loaded.signal().samples().length);
      f.vm.session().timeline().select(0.5, 2.5);
      assertTrue(f.vm.reference().trimToSelection());
      assertEquals(32000, f.vm.session().current().referenceProperty().get().signal().length());
      assertNull(f.vm.session().timeline().selection());
      assertTrue(f.vm.reference().trimSilence());
    }
  }

  @Test
  void theReferenceCarriesOverToMixturesWithoutOne() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(java.util.List.of(Examples.mixture(), Examples.interferer()));
      f.vm.reference().load(Examples.reference());
      var second = f.vm.session().queue().get(1);
      assertNull(second.referenceProperty().get());
      assertEquals(
          f.vm.session().queue().get(0).referenceProperty().get(),
          f.vm.session().referenceFor(second));
    }
  }

  @Test
  void recordingSilenceFromTheNullDeviceIsReportedNotKept() throws Exception {
    try (StudioFixture f = new StudioFixture()) {
      ReferenceViewModel r = f.vm.reference();
      assertTrue(r.devices().size() >= 1);
      r.countInSecondsProperty().set(0);
      Thread stopper =
          new Thread(
              () -> {
                try {
                  Thread.sleep(300);
                } catch (InterruptedException e) {
                  return;
                }
                r.stop();
              });
      stopper.start();
      r.record();
      stopper.join();
      assertEquals(RecordingState.IDLE, r.stateProperty().get());
      assertEquals(1, f.dialogs.errors.size(), f.dialogs.errors.toString());
      assertTrue(f.dialogs.errors.get(0).contains("only silence"), f.dialogs.errors.get(0));
      assertNull(f.vm.session().sessionReferenceProperty().get());
    }
  }
}
