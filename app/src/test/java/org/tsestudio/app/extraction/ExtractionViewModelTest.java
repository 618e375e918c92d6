package org.tsestudio.app.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.testutil.StudioFixture;

class ExtractionViewModelTest {
  @TempDir Path dir;

  @Test
  void withoutAnExtractorExtractIsDisabledWithTheReasonAndDoesNothing() {
    try (StudioFixture f = new StudioFixture().withExample()) {
      ExtractionViewModel x = f.vm.extraction();
      assertFalse(x.availableProperty().get());
      assertEquals(UnavailableExtractionService.REASON, x.noteProperty().get());
      x.extractCurrent();
      assertFalse(x.runningProperty().get());
      assertTrue(f.vm.session().current().outputs().isEmpty(), "no fake output");
      assertEquals(List.of("v7", "v8"), x.models().stream().map(m -> m.model().name()).toList());
    }
  }

  @Test
  void modelCardsRegisterFurtherModels() throws Exception {
    Files.writeString(dir.resolve("v9.json"), "{\"name\": \"v9\", \"sample_rate\": 24000}");
    Files.writeString(dir.resolve("v8.json"), "{\"name\": \"v8\", \"sample_rate\": 16000}");
    Files.writeString(dir.resolve("junk.json"), "not a card");
    List<ModelChoice> models = ModelCatalog.discover(dir);
    assertEquals(List.of("v7", "v8", "v9"), models.stream().map(ModelChoice::name).toList());
    assertEquals(24000, models.get(2).sampleRate());
  }
}
