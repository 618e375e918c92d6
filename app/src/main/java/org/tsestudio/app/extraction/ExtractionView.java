package org.tsestudio.app.extraction;

import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;

/** The extraction card: models, device, Extract / Extract queue / Cancel, progress. */
public final class ExtractionView extends Card {

  public ExtractionView(ExtractionViewModel vm) {
    super("Extraction", Icons.EXTRACT);
    getStyleClass().add("extraction-card");
    VBox modelBox = new VBox(4);
    for (ModelToggle t : vm.models()) {
      CheckBox c = new CheckBox(t.model().name());
      c.selectedProperty().bindBidirectional(t.chosenProperty());
      c.setTooltip(new Tooltip(t.model().description()));
      Label d = new Label(t.model().description());
      d.getStyleClass().add("hint");
      HBox row = new HBox(8, c, d);
      modelBox.getChildren().add(row);
    }
    ComboBox<String> device = new ComboBox<>(vm.devices());
    device.valueProperty().bindBidirectional(vm.deviceProperty());
    device.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(device, Priority.ALWAYS);
    Label deviceLabel = new Label("Device");
    deviceLabel.setGraphic(Icons.icon(Icons.CHIP, 14));

    Button extract =
        Buttons.text(
            "Extract",
            Icons.EXTRACT,
            "Extract the current mixture (Ctrl+Enter)",
            vm::extractCurrent);
    extract.getStyleClass().add("accent");
    extract.setId("extract-button");
    Button all =
        Buttons.text("Extract queue", null, "Extract every mixture in the queue", vm::extractQueue);
    Button cancel = Buttons.text("Cancel", Icons.CANCEL, "Stop the extraction", vm::cancel);
    extract.disableProperty().bind(vm.availableProperty().not().or(vm.runningProperty()));
    all.disableProperty().bind(vm.availableProperty().not().or(vm.runningProperty()));
    cancel.disableProperty().bind(vm.runningProperty().not());

    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(vm.progressProperty());
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.visibleProperty().bind(vm.runningProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Label progressText = Card.hint("");
    progressText.textProperty().bind(vm.progressTextProperty());

    Label note = new Label();
    note.getStyleClass().add("note");
    note.setWrapText(true);
    note.setId("extraction-note");
    note.textProperty().bind(vm.noteProperty());
    note.visibleProperty().bind(vm.availableProperty().not());
    note.managedProperty().bind(note.visibleProperty());

    getChildren()
        .addAll(
            modelBox,
            Card.row(deviceLabel, device),
            Card.row(extract, all, cancel),
            progress,
            progressText,
            note);
  }
}
