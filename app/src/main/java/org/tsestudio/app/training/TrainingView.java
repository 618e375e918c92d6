package org.tsestudio.app.training;

import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.DialogService.FileKind;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;
import org.tsestudio.training.JobState;

/**
 * The training page: launch forms on the left; on the right the job list with its actions above the
 * selected job's (or a metrics log's) curves.
 */
public final class TrainingView extends BorderPane {
  private static final int REFRESH_EVERY_TICKS = 3;

  private final Timeline clock;
  private final CurvesChart chart;
  private int ticks;

  public TrainingView(TrainingViewModel vm, DialogService dialogs) {
    getStyleClass().add("training-view");
    setId("training-view");

    Label note = new Label();
    note.getStyleClass().add("note");
    note.setWrapText(true);
    note.textProperty().bind(vm.noteProperty());
    note.visibleProperty().bind(vm.noteProperty().isNotEmpty());
    note.managedProperty().bind(note.visibleProperty());
    Label root = Card.hint("Relative paths are under " + vm.projectRoot());
    VBox forms =
        new VBox(10, note, JobForms.dataCard(vm, dialogs), JobForms.trainCard(vm, dialogs), root);
    forms.getStyleClass().add("side-panels");
    ScrollPane formScroll = new ScrollPane(forms);
    formScroll.setFitToWidth(true);
    formScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    formScroll.getStyleClass().add("side-scroll");
    formScroll.setPrefWidth(380);
    formScroll.setMinWidth(320);

    Card jobs = new Card("Jobs", Icons.CHIP, new JobTable(vm), jobActions(vm, dialogs));
    jobs.getStyleClass().add("jobs-card");
    VBox.setVgrow(jobs.getChildren().get(1), Priority.ALWAYS);

    chart = new CurvesChart(vm.curves());
    Label curvesTitle = Card.hint("");
    curvesTitle.setId("curves-title");
    curvesTitle.textProperty().bind(vm.curves().titleProperty());
    Card curves = new Card("Curves", Icons.WAVE, chart);
    curves.addToHeader(curvesTitle);
    curves.getStyleClass().add("curves-card");
    VBox.setVgrow(chart, Priority.ALWAYS);

    SplitPane right = new SplitPane(jobs, curves);
    right.setOrientation(Orientation.VERTICAL);
    right.setDividerPositions(0.36);
    right.getStyleClass().add("training-split");

    Label status = new Label();
    status.getStyleClass().add("hint");
    status.setId("training-status");
    status.textProperty().bind(vm.statusProperty());
    VBox centre = new VBox(8, right, status);
    centre.getStyleClass().add("training-centre");
    VBox.setVgrow(right, Priority.ALWAYS);

    setLeft(formScroll);
    setCenter(centre);

    clock =
        new Timeline(
            new KeyFrame(
                Duration.seconds(1),
                e -> {
                  vm.tick();
                  if (++ticks % REFRESH_EVERY_TICKS == 0) {
                    vm.refresh();
                  }
                }));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
  }

  private static HBox jobActions(TrainingViewModel vm, DialogService dialogs) {
    var selected = vm.selectedProperty();
    Button cancel =
        Buttons.text(
            "Cancel",
            Icons.CANCEL,
            "Stop the job (a trainer saves its checkpoint first)",
            () -> vm.cancel(selected.get()));
    cancel.setId("job-cancel");
    cancel
        .disableProperty()
        .bind(follow(vm, r -> r.stateProperty().isEqualTo(JobState.RUNNING)).not());
    Button resume =
        Buttons.text(
            "Resume",
            Icons.PLAY,
            "Continue the run from its last checkpoint",
            () -> vm.resume(selected.get()));
    resume.setId("job-resume");
    resume.disableProperty().bind(follow(vm, JobRow::canResumeProperty).not());
    Button register =
        Buttons.text(
            "Register model",
            Icons.EXPORT,
            "Export the run's best checkpoint and offer it for extraction",
            () -> vm.registerModel(selected.get()));
    register.setId("job-register");
    register.disableProperty().bind(follow(vm, JobRow::canRegisterProperty).not());
    Button remove =
        Buttons.text(
            "Remove",
            null,
            "Remove the ended job from the list (its files stay)",
            () -> vm.remove(selected.get()));
    remove.setId("job-remove");
    remove
        .disableProperty()
        .bind(follow(vm, r -> r.stateProperty().isNotEqualTo(JobState.RUNNING)).not());
    Button log =
        Buttons.text(
            "Open metrics log…",
            Icons.OPEN,
            "Plot a run's metrics.jsonl",
            () ->
                dialogs
                    .chooseFileToOpen("Open a metrics log", vm.projectRoot(), FileKind.METRICS_LOG)
                    .ifPresent(vm::openMetricsLog));
    log.setId("open-metrics-log");
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    return Card.row(cancel, resume, register, remove, spacer, log);
  }

  /**
   * A flag of the selected row that follows both the selection and the row's own changes (a job
   * ending while selected); false with nothing selected.
   */
  private static BooleanProperty follow(
      TrainingViewModel vm, Function<JobRow, ObservableBooleanValue> flag) {
    BooleanProperty out = new SimpleBooleanProperty(false);
    ChangeListener<JobRow> rebind =
        (o, was, row) -> {
          out.unbind();
          if (row == null) {
            out.set(false);
          } else {
            out.bind(flag.apply(row));
          }
        };
    vm.selectedProperty().addListener(rebind);
    rebind.changed(vm.selectedProperty(), null, vm.selectedProperty().get());
    return out;
  }

  /** Stops the clock (when the window closes). */
  public void stop() {
    clock.stop();
  }
}
