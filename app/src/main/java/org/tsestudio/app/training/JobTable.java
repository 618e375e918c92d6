package org.tsestudio.app.training;

import java.util.Locale;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tsestudio.training.JobState;

/** The job list: title, kind, state, progress, elapsed time and the reason of the state. */
final class JobTable extends TableView<JobRow> {

  JobTable(TrainingViewModel vm) {
    super(vm.jobs());
    setId("job-table");
    getStyleClass().add("job-table");
    setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder =
        new Label("No jobs yet. Start one on the left; jobs the CLI runs show here too.");
    placeholder.getStyleClass().add("hint");
    setPlaceholder(placeholder);

    TableColumn<JobRow, String> title = new TableColumn<>("Job");
    title.setCellValueFactory(c -> c.getValue().titleProperty());
    title.setPrefWidth(230);
    TableColumn<JobRow, String> kind = new TableColumn<>("Kind");
    kind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
    kind.setPrefWidth(72);
    TableColumn<JobRow, JobState> state = new TableColumn<>("State");
    state.setCellValueFactory(c -> c.getValue().stateProperty());
    state.setCellFactory(c -> new StateCell());
    state.setPrefWidth(96);
    TableColumn<JobRow, JobRow> progress = new TableColumn<>("Progress");
    progress.setCellValueFactory(
        c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
    progress.setCellFactory(c -> new ProgressCell());
    progress.setPrefWidth(230);
    TableColumn<JobRow, String> elapsed = new TableColumn<>("Elapsed");
    elapsed.setCellValueFactory(c -> c.getValue().elapsedProperty());
    elapsed.setPrefWidth(72);
    elapsed.getStyleClass().add("mono-column");
    TableColumn<JobRow, String> message = new TableColumn<>("Message");
    message.setCellValueFactory(c -> c.getValue().messageProperty());
    message.setCellFactory(c -> new MessageCell());
    message.setPrefWidth(260);
    getColumns().addAll(java.util.List.of(title, kind, state, progress, elapsed, message));

    getSelectionModel()
        .selectedItemProperty()
        .addListener((o, was, row) -> vm.selectedProperty().set(row));
    vm.selectedProperty()
        .addListener(
            (o, was, row) -> {
              if (getSelectionModel().getSelectedItem() != row) {
                if (row == null) {
                  getSelectionModel().clearSelection();
                } else {
                  getSelectionModel().select(row);
                }
              }
            });
  }

  /** The state as a coloured word. */
  private static final class StateCell extends TableCell<JobRow, JobState> {
    @Override
    protected void updateItem(JobState s, boolean empty) {
      super.updateItem(s, empty);
      getStyleClass().removeIf(c -> c.startsWith("job-state-"));
      if (empty || s == null) {
        setText(null);
        return;
      }
      setText(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT));
      getStyleClass().add("job-state-" + s.name().toLowerCase(Locale.ROOT));
    }
  }

  /** A bar (indeterminate while the total is unknown) and "done / total · stage". */
  private static final class ProgressCell extends TableCell<JobRow, JobRow> {
    private final ProgressBar bar = new ProgressBar();
    private final Label text = new Label();
    private final HBox box = new HBox(8, bar, text);
    private JobRow shown;

    ProgressCell() {
      bar.setPrefWidth(90);
      bar.setMinWidth(60);
      bar.getStyleClass().add("thin");
      text.getStyleClass().add("hint");
      text.setMinWidth(0);
      HBox.setHgrow(text, Priority.ALWAYS);
      box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    @Override
    protected void updateItem(JobRow row, boolean empty) {
      super.updateItem(row, empty);
      if (shown != null) {
        bar.progressProperty().unbind();
        text.textProperty().unbind();
      }
      shown = empty ? null : row;
      if (shown == null) {
        setGraphic(null);
        return;
      }
      bar.progressProperty().bind(row.progressProperty());
      text.textProperty().bind(row.progressTextProperty());
      setGraphic(box);
    }
  }

  /** The message, with the whole text as a tooltip (errors can be long). */
  private static final class MessageCell extends TableCell<JobRow, String> {
    @Override
    protected void updateItem(String m, boolean empty) {
      super.updateItem(m, empty);
      setText(empty ? null : m);
      setTooltip(empty || m == null || m.isEmpty() ? null : new Tooltip(m));
    }
  }
}
