package org.tsestudio.app.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one place where the workstation talks to the user through dialogs. ViewModels receive it by
 * constructor so that failures from any panel end up in the same, consistent error dialog.
 */
public interface DialogService {

  /** Shows an error; {@code message} is a user-facing line that names the file and the reason. */
  void showError(String title, String message);

  /** Asks a yes/no question; returns true only when the user explicitly agrees. */
  boolean confirm(String title, String question);

  /** Lets the user pick files to open; empty when cancelled. */
  List<Path> chooseFilesToOpen(String title, Path initialFolder, FileKind kind);

  /** Lets the user pick one file to open; empty when cancelled. */
  Optional<Path> chooseFileToOpen(String title, Path initialFolder, FileKind kind);

  /** Lets the user pick a folder; empty when cancelled. */
  Optional<Path> chooseFolder(String title, Path initialFolder);

  /** Reports a failure of background work: names the file when the error does. */
  default void showFailure(String title, Throwable error) {
    showError(title, Errors.userMessage(error));
  }

  /** File filters offered by the open dialogs. */
  enum FileKind {
    AUDIO,
    MANIFEST,
    AUDIO_OR_MANIFEST,
    /** A model card {@code <name>.json} beside its {@code <name>.pt}. */
    MODEL_CARD,
    /** A training run's {@code metrics.jsonl}. */
    METRICS_LOG,
    /** A training config or data recipe (YAML). */
    TRAINING_CONFIG
  }
}
