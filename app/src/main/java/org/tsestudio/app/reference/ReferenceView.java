package org.tsestudio.app.reference;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import org.tsestudio.app.tracks.TracksView;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;
import org.tsestudio.app.ui.LevelMeter;
import org.tsestudio.app.ui.TimeFormat;

/** The reference card: microphone recording, file loading, cutting from the mixture, trimming. */
public final class ReferenceView extends Card {

  /**
   * @param chooseFile asks the user for a reference file (null when cancelled)
   * @param playReference plays the reference alone
   */
  public ReferenceView(ReferenceViewModel vm, Supplier<Path> chooseFile, Runnable playReference) {
    super("Reference", Icons.TARGET);
    getStyleClass().add("reference-card");
    Label summary = new Label();
    summary.getStyleClass().add("summary");
    summary.textProperty().bind(vm.summaryProperty());
    summary.setWrapText(true);

    ComboBox<InputDevice> devices = new ComboBox<>(vm.devices());
    devices.valueProperty().bindBidirectional(vm.deviceProperty());
    devices.setMaxWidth(Double.MAX_VALUE);
    devices.setPromptText("No microphone found");
    HBox.setHgrow(devices, Priority.ALWAYS);
    Button refresh = Buttons.tool(Icons.LOOP, "Look for microphones again", vm::refreshDevices);
    refresh.getStyleClass().add("small");
    Label micLabel = new Label();
    micLabel.setGraphic(Icons.icon(Icons.MIC, 15));

    Button record =
        Buttons.text("Record", Icons.RECORD, "Record from the microphone (R)", vm::record);
    record.getStyleClass().add("record-button");
    record
        .disableProperty()
        .bind(
            vm.stateProperty().isNotEqualTo(RecordingState.IDLE).or(vm.deviceProperty().isNull()));
    Button stop = Buttons.text("Stop", Icons.STOP, "Stop and keep the recording (R)", vm::stop);
    stop.disableProperty().bind(vm.stateProperty().isEqualTo(RecordingState.IDLE));
    Spinner<Integer> countIn = new Spinner<>(0, 5, vm.countInSecondsProperty().get());
    countIn.setPrefWidth(64);
    countIn
        .valueProperty()
        .addListener((o, a, v) -> vm.countInSecondsProperty().set(v == null ? 0 : v));
    Label countInLabel = new Label("Count-in");
    countInLabel.getStyleClass().add("hint");

    LevelMeter meter = new LevelMeter();
    meter.levelDbProperty().bind(vm.levelDbProperty());
    HBox.setHgrow(meter, Priority.ALWAYS);
    Label time = new Label();
    time.getStyleClass().add("mono");
    time.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> TimeFormat.format(vm.recordedSecondsProperty().get(), 1),
                vm.recordedSecondsProperty()));
    Label countdown = new Label();
    countdown.getStyleClass().add("countdown");
    countdown
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    switch (vm.stateProperty().get()) {
                      case COUNT_IN -> "Recording in " + vm.countdownProperty().get() + "…";
                      case RECORDING -> "● Recording";
                      case IDLE -> "";
                    },
                vm.stateProperty(),
                vm.countdownProperty()));
    countdown.visibleProperty().bind(vm.stateProperty().isNotEqualTo(RecordingState.IDLE));
    countdown.managedProperty().bind(countdown.visibleProperty());

    CheckBox trim = new CheckBox("Trim silence after recording");
    trim.selectedProperty().bindBidirectional(vm.autoTrimProperty());

    Button load =
        Buttons.text(
            "Load…",
            Icons.OPEN,
            "Load a reference file",
            () -> {
              Path p = chooseFile.get();
              if (p != null) {
                vm.load(p);
              }
            });
    Button fromMix =
        Buttons.text(
            "From selection",
            Icons.TRIM,
            "Use the selected region of the mixture (or drag the region here)",
            vm::useMixtureSelection);
    Button play = Buttons.text("Play", Icons.PLAY, "Play the reference alone", playReference);
    play.disableProperty().bind(vm.hasReferenceProperty().not());
    Button trimSel =
        Buttons.text("Trim to selection", null, "Keep the selected part", vm::trimToSelection);
    trimSel.disableProperty().bind(vm.hasReferenceProperty().not());
    Button trimSilence =
        Buttons.text("Trim silence", null, "Cut silence at both ends", vm::trimSilence);
    trimSilence.disableProperty().bind(vm.hasReferenceProperty().not());

    Label drop = new Label("Drop a file or a mixture region here");
    drop.getStyleClass().add("drop-hint");
    StackPane dropZone = new StackPane(drop);
    dropZone.getStyleClass().add("drop-zone");

    getChildren()
        .addAll(
            summary,
            Card.row(micLabel, devices, refresh),
            Card.row(record, stop, countInLabel, countIn),
            countdown,
            Card.row(meter, time),
            trim,
            Card.row(load, fromMix, play),
            Card.row(trimSel, trimSilence),
            dropZone);
    installDrop(vm::useMixtureSelection, files -> vm.load(files.get(0)));
    vm.levelDbProperty()
        .addListener(
            (o, a, v) ->
                meter.setAccessibleText(String.format(Locale.ROOT, "%.0f dBFS", v.doubleValue())));
  }

  private void installDrop(Runnable region, Consumer<List<Path>> files) {
    addEventHandler(
        DragEvent.DRAG_OVER,
        e -> {
          if (e.getDragboard().hasContent(TracksView.MIXTURE_REGION)
              || e.getDragboard().hasFiles()) {
            e.acceptTransferModes(TransferMode.COPY);
            pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop"), true);
            e.consume();
          }
        });
    addEventHandler(
        DragEvent.DRAG_EXITED,
        e -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("drop"), false));
    addEventHandler(
        DragEvent.DRAG_DROPPED,
        e -> {
          if (e.getDragboard().hasContent(TracksView.MIXTURE_REGION)) {
            region.run();
          } else if (e.getDragboard().hasFiles()) {
            files.accept(e.getDragboard().getFiles().stream().map(File::toPath).toList());
          }
          e.setDropCompleted(true);
          e.consume();
        });
  }
}
