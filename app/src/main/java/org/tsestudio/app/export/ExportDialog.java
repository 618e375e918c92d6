package org.tsestudio.app.export;

import java.nio.file.Path;
import javafx.beans.InvalidationListener;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.UserFacingException;
import org.tsestudio.app.ui.Card;
import org.tsestudio.engine.audio.WavEncoding;

/** Export options with a live list of the files that will be written. */
public final class ExportDialog extends Dialog<ButtonType> {
  public static final ButtonType EXPORT = new ButtonType("Export", ButtonBar.ButtonData.OK_DONE);

  public ExportDialog(ExportViewModel vm, DialogService dialogs, Window owner, String stylesheet) {
    setTitle("Export");
    setHeaderText("Export outputs as WAV");
    if (owner != null) {
      initOwner(owner);
    }
    if (stylesheet != null) {
      getDialogPane().getStylesheets().add(stylesheet);
    }
    getDialogPane().getStyleClass().add("export-dialog");
    getDialogPane().getButtonTypes().addAll(EXPORT, ButtonType.CANCEL);

    ChoiceBox<ExportScope> scope =
        new ChoiceBox<>(FXCollections.observableArrayList(ExportScope.values()));
    scope.valueProperty().bindBidirectional(vm.scopeProperty());
    ChoiceBox<WavEncoding> encoding =
        new ChoiceBox<>(FXCollections.observableArrayList(WavEncoding.values()));
    encoding.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(WavEncoding e) {
            return e == null
                ? ""
                : switch (e) {
                  case PCM_16 -> "16-bit PCM";
                  case PCM_24 -> "24-bit PCM";
                  case FLOAT_32 -> "32-bit float";
                };
          }

          @Override
          public WavEncoding fromString(String s) {
            return null;
          }
        });
    encoding.valueProperty().bindBidirectional(vm.encodingProperty());
    ChoiceBox<RateChoice> rate =
        new ChoiceBox<>(FXCollections.observableArrayList(RateChoice.values()));
    rate.valueProperty().bindBidirectional(vm.rateProperty());
    CheckBox reference = new CheckBox("Also export the reference");
    reference.selectedProperty().bindBidirectional(vm.includeReferenceProperty());
    TextField folder = new TextField();
    folder.setEditable(false);
    folder.setPrefColumnCount(28);
    folder.setId("export-folder");
    Button browse = new Button("Choose…");
    browse.setOnAction(
        e ->
            dialogs
                .chooseFolder("Export to", vm.folderProperty().get())
                .ifPresent(vm.folderProperty()::set));
    ListView<String> files = new ListView<>();
    files.setPrefHeight(150);
    files.setId("export-files");
    Label problem = Card.hint("");

    InvalidationListener refresh =
        o -> {
          Path dir = vm.folderProperty().get();
          folder.setText(dir == null ? "" : dir.toString());
          try {
            files
                .getItems()
                .setAll(
                    vm.plan().stream()
                        .map(j -> j.file().getFileName() + "  ·  " + j.rate() + " Hz")
                        .toList());
            problem.setText(files.getItems().isEmpty() ? "No outputs to export yet." : "");
          } catch (UserFacingException ex) {
            files.getItems().clear();
            problem.setText(ex.getMessage());
          }
        };
    vm.folderProperty().addListener(refresh);
    vm.scopeProperty().addListener(refresh);
    vm.rateProperty().addListener(refresh);
    vm.includeReferenceProperty().addListener(refresh);
    refresh.invalidated(null);
    setOnHidden(
        e -> {
          vm.folderProperty().removeListener(refresh);
          vm.scopeProperty().removeListener(refresh);
          vm.rateProperty().removeListener(refresh);
          vm.includeReferenceProperty().removeListener(refresh);
        });

    GridPane grid = new GridPane();
    grid.setHgap(10);
    grid.setVgap(8);
    grid.addRow(0, new Label("Mixtures"), scope);
    grid.addRow(1, new Label("Format"), encoding);
    grid.addRow(2, new Label("Sample rate"), rate);
    grid.addRow(3, new Label("Folder"), folder, browse);
    grid.add(reference, 1, 4, 2, 1);
    grid.add(new Label("Files"), 0, 5);
    grid.add(files, 1, 5, 2, 1);
    grid.add(problem, 1, 6, 2, 1);
    GridPane.setHgrow(folder, Priority.ALWAYS);
    getDialogPane().setContent(grid);

    Button ok = (Button) getDialogPane().lookupButton(EXPORT);
    ok.addEventFilter(
        javafx.event.ActionEvent.ACTION,
        e -> {
          if (!vm.export()) {
            e.consume();
          }
        });
  }
}
