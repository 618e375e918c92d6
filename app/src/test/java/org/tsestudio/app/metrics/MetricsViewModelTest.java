package org.tsestudio.app.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.testutil.StudioFixture;

class MetricsViewModelTest {

  @Test
  void withoutGroundTruthThereIsOnlyANote() {
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(List.of(Examples.mixture()));
      assertTrue(f.vm.metrics().rows().isEmpty());
      assertTrue(f.vm.metrics().noteProperty().get().contains("ground truth"));
    }
  }

  @Test
  void outputsAreScoredSideBySide() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      // v8 "output" = the clean target itself, v7 = the interfering talker: bounds of the scale.
      f.vm.importOutput("v8", Examples.target());
      f.vm.importOutput("v7", Examples.interferer());
      MetricsViewModel m = f.vm.metrics();
      assertEquals(List.of("v7", "v8"), m.models());
      MetricRow siSdri = m.rows().get(0);
      assertEquals("SI-SDRi", siSdri.metric());
      assertEquals("v8", siSdri.best());
      assertTrue(siSdri.values().get("v8") > 40, siSdri.toString());
      assertTrue(siSdri.values().get("v7") < -10, siSdri.toString());
      MetricRow stoi = m.rows().get(2);
      assertEquals(1.0, stoi.values().get("v8"), 1e-3);
      assertTrue(stoi.values().get("v7") < 0.6, stoi.toString());
      assertTrue(m.noteProperty().get().startsWith("Mixture SI-SDR"), m.noteProperty().get());
    }
  }
}
