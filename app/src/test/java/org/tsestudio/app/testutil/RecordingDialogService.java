package org.tsestudio.app.testutil;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tsestudio.app.core.DialogService;

/**
 * The dialog service of view-model tests: errors and questions are recorded instead of shown, and
 * confirmations get the answer the test chose. File choosers are never used by these tests.
 */
public final class RecordingDialogService implements DialogService {
  public final List<String> errors = new ArrayList<>();
  public final List<String> questions = new ArrayList<>();
  public boolean confirmAnswer;

  @Override
  public void showError(String title, String message) {
    errors.add(message);
  }

  @Override
  public boolean confirm(String title, String question) {
    questions.add(question);
    return confirmAnswer;
  }

  @Override
  public List<Path> chooseFilesToOpen(String title, Path initialFolder, FileKind kind) {
    throw new UnsupportedOperationException("no file chooser in view-model tests");
  }

  @Override
  public Optional<Path> chooseFileToOpen(String title, Path initialFolder, FileKind kind) {
    throw new UnsupportedOperationException("no file chooser in view-model tests");
  }

  @Override
  public Optional<Path> chooseFolder(String title, Path initialFolder) {
    throw new UnsupportedOperationException("no file chooser in view-model tests");
  }
}
