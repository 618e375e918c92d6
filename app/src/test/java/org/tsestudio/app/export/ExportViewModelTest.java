package org.tsestudio.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tsestudio.app.testutil.Examples;
import org.tsestudio.app.testutil.StudioFixture;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.WavEncoding;

class ExportViewModelTest {
  @TempDir Path dir;

  @Test
  void exportWritesReadableWavsNamedAfterTheMixture() throws Exception {
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ExportViewModel e = f.vm.export();
      e.folderProperty().set(dir);
      e.encodingProperty().set(WavEncoding.PCM_24);
      e.includeReferenceProperty().set(true);
      assertTrue(e.export());
      AudioSignal v8 = AudioFiles.readMono(dir.resolve("mixture_v8.wav"));
      assertEquals(16000, v8.sampleRate());
      float[] original = AudioFiles.readMono(Examples.target()).samples();
      assertEquals(original.length, v8.samples().length);
      for (int i = 0; i < original.length; i += 97) {
        assertEquals(original[i], v8.samples()[i], 1e-4f);
      }
      assertTrue(Files.isRegularFile(dir.resolve("mixture_v7.wav")));
      assertTrue(Files.isRegularFile(dir.resolve("mixture_reference.wav")));
      assertTrue(e.statusProperty().get().startsWith("Exported 3 files"));
    }
  }

  @Test
  void existingFilesAreOnlyReplacedWhenTheUserAgrees() throws Exception {
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ExportViewModel e = f.vm.export();
      e.folderProperty().set(dir);
      Path v7 = dir.resolve("mixture_v7.wav");
      Files.writeString(v7, "keep me");
      f.dialogs.confirmAnswer = false;
      assertFalse(e.export());
      assertEquals("keep me", Files.readString(v7));
      assertFalse(Files.exists(dir.resolve("mixture_v8.wav")), "nothing written when declined");
      assertTrue(f.dialogs.questions.get(0).contains("mixture_v7.wav"));
      f.dialogs.confirmAnswer = true;
      assertTrue(e.export());
      assertEquals(16000, AudioFiles.readMono(v7).sampleRate());
    }
  }

  @Test
  void modelRateKeepsTheOutputRate() throws Exception {
    try (StudioFixture f = new StudioFixture().withExample()) {
      // An 8 kHz output, as v7 produces.
      f.vm.importOutput("v7", Examples.interferer());
      var out = f.vm.session().current().outputs().get("v7");
      float[] x = out.signal().samples();
      float[] half = new float[x.length / 2];
      for (int i = 0; i < half.length; i++) {
        half[i] = x[2 * i];
      }
      f.vm
          .session()
          .current()
          .outputs()
          .put(
              "v7",
              new org.tsestudio.app.model.Clip("v7 output", null, new AudioSignal(half, 8000)));
      ExportViewModel e = f.vm.export();
      e.folderProperty().set(dir);
      e.rateProperty().set(RateChoice.MODEL);
      assertTrue(e.export());
      assertEquals(8000, AudioFiles.readMono(dir.resolve("mixture_v7.wav")).sampleRate());
      e.rateProperty().set(RateChoice.ORIGINAL);
      f.dialogs.confirmAnswer = true;
      assertTrue(e.export());
      assertEquals(16000, AudioFiles.readMono(dir.resolve("mixture_v7.wav")).sampleRate());
    }
  }

  @Test
  void modelRateMeansTheRateTheModelWorksAtNotTheRateItsOutputCameAt() throws Exception {
    // Extracted outputs come back at the mixture's rate (16 kHz here); v7 works at 8 kHz.
    try (StudioFixture f = new StudioFixture().withExample().withOutputs()) {
      ExportViewModel e = f.vm.export();
      e.folderProperty().set(dir);
      e.rateProperty().set(RateChoice.MODEL);
      assertTrue(e.export());
      assertEquals(8000, AudioFiles.readMono(dir.resolve("mixture_v7.wav")).sampleRate());
      assertEquals(16000, AudioFiles.readMono(dir.resolve("mixture_v8.wav")).sampleRate());
    }
  }

  @Test
  void anExportNeverTargetsAnInput() throws Exception {
    Path mixture = Files.copy(Examples.mixture(), dir.resolve("take.wav"));
    Path output = Files.copy(Examples.target(), dir.resolve("take_v7.wav"));
    try (StudioFixture f = new StudioFixture()) {
      f.vm.open(List.of(mixture));
      f.vm.importOutput("v7", output);
      f.vm.export().folderProperty().set(dir);
      f.dialogs.confirmAnswer = true;
      assertFalse(f.vm.export().export());
      assertEquals(1, f.dialogs.errors.size());
      assertTrue(f.dialogs.errors.get(0).contains("would overwrite an input"));
      assertTrue(f.dialogs.questions.isEmpty(), "refused before asking");
      assertEquals(Files.size(Examples.target()), Files.size(output));
    }
  }
}
