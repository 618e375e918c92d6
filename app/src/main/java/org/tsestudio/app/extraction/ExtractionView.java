package org.tsestudio.app.extraction;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;

/** The extraction card: models, device (chosen and in use), Extract / queue / Cancel, progress. */
public final class ExtractionView extends Card {
  private final GridPane modelGrid = new GridPane();

  public ExtractionView(ExtractionViewModel vm) {
    super("Extraction", Icons.EXTRACT);
    getStyleClass().add("extraction-card");
    modelGrid.setHgap(8);
    modelGrid.setVgap(4);
    modelGrid.getStyleClass().add("model-list");
    fillModels(vm);
    vm.models().addListener((ListChangeListener<ModelToggle>) c -> fillModels(vm));

    ComboBox<String> device = new ComboBox<>(vm.devices());
    device.valueProperty().bindBidirectional(vm.deviceProperty());
    device.setId("device-choice");
    device.setPrefWidth(96);
    Label deviceLabel = new Label("Device");
    deviceLabel.setGraphic(Icons.icon(Icons.CHIP, 14));
    deviceLabel.setMinWidth(Label.USE_PREF_SIZE);
    Label inUse = new Label();
    inUse.setId("device-in-use");
    inUse.getStyleClass().add("hint");
    inUse
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  String d = vm.deviceInUseProperty().get();
                  return d.isEmpty() ? "in use: —" : "in use: " + d;
                },
                vm.deviceInUseProperty()));
    HBox deviceRow = Card.row(deviceLabel, device, inUse);

    Button extract =
        Buttons.text(
            "Extract",
            Icons.EXTRACT,
            "Extract the current mixture with the ticked models (Ctrl+Enter)",
            vm::extractCurrent);
    extract.getStyleClass().add("accent");
    extract.setId("extract-button");
    Button all =
        Buttons.text("Extract queue", null, "Extract every mixture in the queue", vm::extractQueue);
    all.setId("extract-queue-button");
    Button cancel = Buttons.text("Cancel", Icons.CANCEL, "Stop the extraction", vm::cancel);
    cancel.setId("extract-cancel-button");
    extract.disableProperty().bind(vm.canExtractProperty().not());
    all.disableProperty().bind(vm.canExtractProperty().not());
    cancel.disableProperty().bind(vm.runningProperty().not());

    ProgressBar progress = new ProgressBar();
    progress.progressProperty().bind(vm.progressProperty());
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.visibleProperty().bind(vm.runningProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Label progressText = Card.hint("");
    progressText.setId("extraction-progress");
    progressText.textProperty().bind(vm.progressTextProperty());
    progressText.managedProperty().bind(progressText.textProperty().isNotEmpty());

    Label note = new Label();
    note.getStyleClass().add("note");
    note.setWrapText(true);
    note.setId("extraction-note");
    note.textProperty().bind(vm.noteProperty());
    note.visibleProperty().bind(vm.availableProperty().not());
    note.managedProperty().bind(note.visibleProperty());

    getChildren()
        .addAll(modelGrid, deviceRow, Card.row(extract, all, cancel), progress, progressText, note);
  }

  /** One row per model: tick box with its name, then its description. */
  private void fillModels(ExtractionViewModel vm) {
    modelGrid.getChildren().clear();
    int row = 0;
    for (ModelToggle t : vm.models()) {
      CheckBox c = new CheckBox(t.model().name());
      c.selectedProperty().bindBidirectional(t.chosenProperty());
      c.setId("model-" + t.model().name());
      c.setMinWidth(CheckBox.USE_PREF_SIZE);
      String where = t.model().card() == null ? "shipped" : t.model().card().toString();
      c.setTooltip(new Tooltip(t.model().description() + "\n" + where));
      Label d = Card.hint(t.model().description());
      d.setWrapText(false);
      d.setAlignment(Pos.CENTER_LEFT);
      GridPane.setHgrow(d, Priority.ALWAYS);
      modelGrid.addRow(row++, c, d);
    }
  }
}
