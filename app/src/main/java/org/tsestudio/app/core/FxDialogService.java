package org.tsestudio.app.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Dialogs on the JavaFX toolkit, styled with the workstation's theme. */
public final class FxDialogService implements DialogService {
  private final Supplier<Window> owner;
  private final String stylesheet;

  public FxDialogService(Supplier<Window> owner, String stylesheet) {
    this.owner = owner;
    this.stylesheet = stylesheet;
  }

  @Override
  public void showError(String title, String message) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    prepare(alert, title);
    alert.setHeaderText(title);
    Label text = new Label(message);
    text.setWrapText(true);
    text.getStyleClass().add("error-message");
    text.setMaxWidth(520);
    alert.getDialogPane().setContent(text);
    alert.getDialogPane().getStyleClass().add("error-dialog");
    // Not showAndWait: an error from background work must not block the caller's handler.
    alert.show();
  }

  @Override
  public boolean confirm(String title, String question) {
    ButtonType yes = new ButtonType("Replace", ButtonBar.ButtonData.OK_DONE);
    ButtonType no = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, yes, no);
    prepare(alert, title);
    alert.setHeaderText(title);
    alert.getDialogPane().getStyleClass().add("confirm-dialog");
    return alert.showAndWait().orElse(no) == yes;
  }

  private void prepare(Alert alert, String title) {
    Window w = owner.get();
    if (w != null) {
      alert.initOwner(w);
    }
    alert.setTitle(title);
    if (stylesheet != null) {
      alert.getDialogPane().getStylesheets().add(stylesheet);
    }
  }

  @Override
  public List<Path> chooseFilesToOpen(String title, Path initialFolder, FileKind kind) {
    List<File> files = chooser(title, initialFolder, kind).showOpenMultipleDialog(owner.get());
    return files == null ? List.of() : files.stream().map(File::toPath).toList();
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, Path initialFolder, FileKind kind) {
    File f = chooser(title, initialFolder, kind).showOpenDialog(owner.get());
    return Optional.ofNullable(f).map(File::toPath);
  }

  @Override
  public Optional<Path> chooseFolder(String title, Path initialFolder) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (initialFolder != null && Files.isDirectory(initialFolder)) {
      chooser.setInitialDirectory(initialFolder.toFile());
    }
    return Optional.ofNullable(chooser.showDialog(owner.get())).map(File::toPath);
  }

  private static FileChooser chooser(String title, Path initialFolder, FileKind kind) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    if (initialFolder != null && Files.isDirectory(initialFolder)) {
      chooser.setInitialDirectory(initialFolder.toFile());
    }
    FileChooser.ExtensionFilter audio =
        new FileChooser.ExtensionFilter("Audio (WAV, FLAC, MP3)", "*.wav", "*.flac", "*.mp3");
    FileChooser.ExtensionFilter manifests =
        new FileChooser.ExtensionFilter("Manifests (example.json, *.jsonl)", "*.json", "*.jsonl");
    switch (kind) {
      case AUDIO -> chooser.getExtensionFilters().add(audio);
      case MANIFEST -> chooser.getExtensionFilters().add(manifests);
      case AUDIO_OR_MANIFEST ->
          chooser
              .getExtensionFilters()
              .addAll(
                  new FileChooser.ExtensionFilter(
                      "Audio and manifests", "*.wav", "*.flac", "*.mp3", "*.json", "*.jsonl"),
                  audio,
                  manifests);
      case MODEL_CARD ->
          chooser
              .getExtensionFilters()
              .add(new FileChooser.ExtensionFilter("Model cards (*.json)", "*.json"));
      case METRICS_LOG ->
          chooser
              .getExtensionFilters()
              .add(new FileChooser.ExtensionFilter("Metrics logs (metrics.jsonl)", "*.jsonl"));
      case TRAINING_CONFIG ->
          chooser
              .getExtensionFilters()
              .add(
                  new FileChooser.ExtensionFilter(
                      "Configs and recipes (*.yaml)", "*.yaml", "*.yml"));
    }
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
    return chooser;
  }
}
