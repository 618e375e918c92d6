package org.tsestudio.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.stage.Window;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.DialogService.FileKind;
import org.tsestudio.app.export.ExportDialog;
import org.tsestudio.app.playback.Slot;
import org.tsestudio.app.reference.RecordingState;
import org.tsestudio.app.timeline.TimelineModel;
import org.tsestudio.app.tracks.DisplayMode;

/**
 * Every user command in one place, so that the menu, the toolbar and the keyboard do exactly the
 * same thing.
 */
public final class StudioActions {
  private final StudioViewModel vm;
  private final DialogService dialogs;
  private final java.util.function.Supplier<Window> window;
  private final String stylesheet;
  private Runnable toggleHelp = () -> {};
  private java.util.function.IntConsumer showPage = page -> {};

  StudioActions(
      StudioViewModel vm,
      DialogService dialogs,
      java.util.function.Supplier<Window> window,
      String stylesheet) {
    this.vm = vm;
    this.dialogs = dialogs;
    this.window = window;
    this.stylesheet = stylesheet;
  }

  void setToggleHelp(Runnable action) {
    toggleHelp = action;
  }

  void setShowPage(java.util.function.IntConsumer action) {
    showPage = action;
  }

  /** Shows the Studio page (0) or the Training page (1). */
  public void showPage(int page) {
    showPage.accept(page);
  }

  /** Offers the model of a card (a .json beside its .pt) for extraction. */
  public void registerModelCard() {
    dialogs
        .chooseFileToOpen("Register a model card", openFolder(), FileKind.MODEL_CARD)
        .ifPresent(vm::registerModel);
  }

  private Path openFolder() {
    String f = vm.settings().openFolder;
    return f == null ? null : Path.of(f);
  }

  public void openFiles() {
    List<Path> files =
        dialogs.chooseFilesToOpen(
            "Open mixtures or manifests", openFolder(), FileKind.AUDIO_OR_MANIFEST);
    if (!files.isEmpty()) {
      vm.open(files);
    }
  }

  public Path chooseReferenceFile() {
    return dialogs.chooseFileToOpen("Open a reference", openFolder(), FileKind.AUDIO).orElse(null);
  }

  public void openReference() {
    Path p = chooseReferenceFile();
    if (p != null) {
      vm.reference().load(p);
    }
  }

  public void openTarget() {
    dialogs
        .chooseFileToOpen("Open the ground truth", openFolder(), FileKind.AUDIO)
        .ifPresent(vm::openTarget);
  }

  public void importOutput(String model) {
    Optional<Path> p =
        dialogs.chooseFileToOpen("Import the " + model + " output", openFolder(), FileKind.AUDIO);
    p.ifPresent(file -> vm.importOutput(model, file));
  }

  public void export() {
    new ExportDialog(vm.export(), dialogs, window.get(), stylesheet).show();
  }

  public void togglePlay() {
    vm.listening().togglePlay();
  }

  public void stop() {
    vm.listening().stop();
  }

  public void toStart() {
    vm.listening().seek(0);
    vm.session().timeline().scrollTo(0);
  }

  public void switchTo(Slot slot) {
    vm.listening().switchTo(slot);
  }

  public void prefer(Slot slot) {
    vm.listening().prefer(slot);
  }

  public void toggleLoop() {
    var loop = vm.listening().loopProperty();
    loop.set(!loop.get());
  }

  public void toggleRecord() {
    if (vm.reference().stateProperty().get() == RecordingState.IDLE) {
      vm.reference().record();
    } else {
      vm.reference().stop();
    }
  }

  public void extract() {
    vm.extraction().extractCurrent();
  }

  private TimelineModel timeline() {
    return vm.session().timeline();
  }

  public void zoomIn() {
    timeline().zoomCentred(0.5);
  }

  public void zoomOut() {
    timeline().zoomCentred(2);
  }

  public void zoomFit() {
    timeline().zoomToFit();
  }

  public void zoomSelection() {
    timeline().zoomToSelection();
  }

  public void scroll(double fraction) {
    timeline().scrollBy(fraction);
  }

  public void clearSelection() {
    timeline().clearSelection();
  }

  public void cycleDisplay() {
    var mode = vm.tracks().displayModeProperty();
    DisplayMode[] all = DisplayMode.values();
    mode.set(all[(mode.get().ordinal() + 1) % all.length]);
  }

  public void help() {
    toggleHelp.run();
  }
}
