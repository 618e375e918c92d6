package org.tsestudio.app;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyScale;
import org.tsestudio.app.tracks.DisplayMode;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Icons;
import org.tsestudio.app.ui.TimeFormat;

/** Files, transport with a time readout, zoom, and how the lanes are drawn. */
final class StudioToolBar extends ToolBar {

  StudioToolBar(StudioViewModel vm, StudioActions a) {
    getStyleClass().add("studio-toolbar");
    Button open = Buttons.tool(Icons.OPEN, "Open mixtures or a manifest (Ctrl+O)", a::openFiles);
    open.setId("tool-open");
    Button export = Buttons.tool(Icons.EXPORT, "Export outputs (Ctrl+E)", a::export);
    export.setId("tool-export");
    Button toStart = Buttons.tool(Icons.TO_START, "To the start (Home)", a::toStart);
    Button play = Buttons.tool(Icons.PLAY, "Play / pause (Space)", a::togglePlay);
    play.setId("tool-play");
    play.getStyleClass().add("transport-play");
    vm.listening()
        .playingProperty()
        .addListener((o, was, now) -> play.setGraphic(Icons.icon(now ? Icons.PAUSE : Icons.PLAY)));
    Button stop = Buttons.tool(Icons.STOP, "Stop", a::stop);
    ToggleButton loop = Buttons.toggle(Icons.LOOP, "Loop the selection (L)");
    loop.selectedProperty().bindBidirectional(vm.listening().loopProperty());
    Button record = Buttons.tool(Icons.RECORD, "Record a reference (R)", a::toggleRecord);
    record.getStyleClass().add("record-tool");

    Label time = new Label();
    time.getStyleClass().add("time-readout");
    time.setId("time-readout");
    var timeline = vm.session().timeline();
    time.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> TimeFormat.format(timeline.playhead()), timeline.playheadProperty()));
    Label total = new Label();
    total.getStyleClass().add("time-total");
    total
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> "/ " + TimeFormat.format(timeline.duration()), timeline.durationProperty()));
    Label heard = new Label();
    heard.getStyleClass().add("heard-badge");
    heard
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  var l = vm.listening();
                  return switch (l.programmeProperty().get()) {
                    case REFERENCE -> "REF";
                    case AB ->
                        switch (l.activeProperty().get()) {
                          case MIXTURE -> "M";
                          case A -> "A · " + l.labelAProperty().get();
                          case B -> "B · " + l.labelBProperty().get();
                        };
                  };
                },
                vm.listening().activeProperty(),
                vm.listening().programmeProperty(),
                vm.listening().labelAProperty(),
                vm.listening().labelBProperty()));
    VBox clock = new VBox(-2, time, new HBox(6, total, heard));
    clock.getStyleClass().add("clock");

    Button zoomIn = Buttons.tool(Icons.ZOOM_IN, "Zoom in (+, Ctrl+wheel)", a::zoomIn);
    Button zoomOut = Buttons.tool(Icons.ZOOM_OUT, "Zoom out (−)", a::zoomOut);
    Button fit = Buttons.tool(Icons.FIT, "Fit the whole file (F)", a::zoomFit);
    Button zoomSel =
        Buttons.tool(Icons.ZOOM_SELECTION, "Zoom to the selection (Z)", a::zoomSelection);

    var tracks = vm.tracks();
    ChoiceBox<DisplayMode> mode =
        new ChoiceBox<>(FXCollections.observableArrayList(DisplayMode.values()));
    mode.valueProperty().bindBidirectional(tracks.displayModeProperty());
    ChoiceBox<FrequencyScale> scale =
        new ChoiceBox<>(FXCollections.observableArrayList(FrequencyScale.values()));
    scale.valueProperty().bindBidirectional(tracks.frequencyScaleProperty());
    scale.disableProperty().bind(tracks.displayModeProperty().isEqualTo(DisplayMode.WAVEFORM));
    ChoiceBox<ColourMap> colours =
        new ChoiceBox<>(FXCollections.observableArrayList(ColourMap.values()));
    colours.valueProperty().bindBidirectional(tracks.colourMapProperty());
    colours.disableProperty().bind(scale.disableProperty());
    for (var c : new ChoiceBox<?>[] {mode, scale, colours}) {
      c.setFocusTraversable(false);
    }
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    Button help = Buttons.tool(Icons.HELP, "Keyboard shortcuts (F1 or ?)", a::help);

    getItems()
        .addAll(
            open,
            export,
            new Separator(),
            toStart,
            play,
            stop,
            loop,
            record,
            clock,
            new Separator(),
            zoomIn,
            zoomOut,
            fit,
            zoomSel,
            spacer,
            mode,
            scale,
            colours,
            new Separator(),
            help);
  }
}
