package org.tsestudio.app;

import java.nio.file.Path;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import org.tsestudio.app.extraction.ModelToggle;
import org.tsestudio.app.playback.Slot;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.tracks.DisplayMode;

/** File, View, Playback and Help menus. */
final class StudioMenuBar extends MenuBar {
  private final Menu recent = new Menu("Open recent");

  StudioMenuBar(StudioViewModel vm, StudioActions a, Runnable quit) {
    Menu file = new Menu("File");
    Menu importOutput = new Menu("Import output");
    fillImport(importOutput, vm, a);
    vm.extraction()
        .models()
        .addListener((ListChangeListener<ModelToggle>) c -> fillImport(importOutput, vm, a));
    file.getItems()
        .addAll(
            item("Open mixtures or manifest…", "Shortcut+O", a::openFiles),
            recent,
            new SeparatorMenuItem(),
            item("Open reference…", null, a::openReference),
            item("Open ground truth…", null, a::openTarget),
            importOutput,
            item("Register model card…", null, a::registerModelCard),
            new SeparatorMenuItem(),
            item("Export…", "Shortcut+E", a::export),
            new SeparatorMenuItem(),
            item("Quit", "Shortcut+Q", quit));
    vm.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(vm));
    fillRecent(vm);

    Menu view = new Menu("View");
    view.getItems()
        .addAll(
            item("Studio page", "Shortcut+1", () -> a.showPage(0)),
            item("Training page", "Shortcut+2", () -> a.showPage(1)),
            new SeparatorMenuItem());
    view.getItems().addAll(radios(vm.tracks().displayModeProperty(), DisplayMode.values()));
    view.getItems().add(new SeparatorMenuItem());
    view.getItems().addAll(radios(vm.tracks().frequencyScaleProperty(), FrequencyScale.values()));
    view.getItems().add(new SeparatorMenuItem());
    Menu colours = new Menu("Colour map");
    colours.getItems().addAll(radios(vm.tracks().colourMapProperty(), ColourMap.values()));
    view.getItems()
        .addAll(
            colours,
            new SeparatorMenuItem(),
            item("Zoom in", null, a::zoomIn),
            item("Zoom out", null, a::zoomOut),
            item("Fit", null, a::zoomFit),
            item("Zoom to selection", null, a::zoomSelection));

    Menu playback = new Menu("Playback");
    CheckMenuItem loop = new CheckMenuItem("Loop selection");
    loop.selectedProperty().bindBidirectional(vm.listening().loopProperty());
    CheckMenuItem match = new CheckMenuItem("Match loudness");
    match.selectedProperty().bindBidirectional(vm.listening().loudnessMatchProperty());
    CheckMenuItem blind = new CheckMenuItem("Blind test");
    blind.selectedProperty().bindBidirectional(vm.listening().blindProperty());
    playback
        .getItems()
        .addAll(
            item("Play / pause", null, a::togglePlay),
            item("Stop", null, a::stop),
            new SeparatorMenuItem(),
            item("Mixture (M)", null, () -> a.switchTo(Slot.MIXTURE)),
            item("Output A (A)", null, () -> a.switchTo(Slot.A)),
            item("Output B (B)", null, () -> a.switchTo(Slot.B)),
            new SeparatorMenuItem(),
            loop,
            match,
            blind,
            new SeparatorMenuItem(),
            item("Play reference", null, vm.listening()::playReference));

    Menu help = new Menu("Help");
    help.getItems().add(item("Keyboard shortcuts", "F1", a::help));
    getMenus().addAll(file, view, playback, help);
  }

  private static void fillImport(Menu menu, StudioViewModel vm, StudioActions a) {
    menu.getItems().clear();
    for (ModelToggle t : vm.extraction().models()) {
      String model = t.model().name();
      menu.getItems().add(item(model + " output…", null, () -> a.importOutput(model)));
    }
  }

  private void fillRecent(StudioViewModel vm) {
    recent.getItems().clear();
    for (Path p : vm.recentFiles()) {
      recent.getItems().add(item(p.toString(), null, () -> vm.open(java.util.List.of(p))));
    }
    recent.setDisable(recent.getItems().isEmpty());
  }

  private static MenuItem item(String text, String accelerator, Runnable action) {
    MenuItem m = new MenuItem(text);
    if (accelerator != null) {
      m.setAccelerator(KeyCombination.keyCombination(accelerator));
    }
    m.setOnAction(e -> action.run());
    return m;
  }

  private static <E> java.util.List<RadioMenuItem> radios(ObjectProperty<E> property, E[] values) {
    ToggleGroup group = new ToggleGroup();
    java.util.List<RadioMenuItem> items = new java.util.ArrayList<>();
    for (E v : values) {
      RadioMenuItem r = new RadioMenuItem(v.toString());
      r.setToggleGroup(group);
      r.setSelected(v.equals(property.get()));
      r.setOnAction(e -> property.set(v));
      property.addListener((o, a, now) -> r.setSelected(v.equals(now)));
      items.add(r);
    }
    return items;
  }
}
