package org.tsestudio.app.training;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobEvent;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobListener;
import org.tsestudio.training.JobManager;
import org.tsestudio.training.JobRecord;
import org.tsestudio.training.JobSpec;
import org.tsestudio.training.JobState;
import org.tsestudio.training.TrainingJob;

/**
 * The training panel: launches data and training jobs through the training module's {@link
 * JobManager}, lists every job of the registry (so the list survives a restart and shows jobs the
 * CLI started), follows the selected job's metric events live, plots a run's {@code metrics.jsonl},
 * cancels, resumes, and registers a finished run's model for extraction.
 *
 * <p>Job events arrive on the jobs' watcher threads and are handed to the UI thread; manager calls
 * that touch files or start processes run as background tasks.
 */
public final class TrainingViewModel implements AutoCloseable {
  private final TrainingSetup setup;
  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final ModelRegistrar registrar;
  private final Clock clock;
  private final DataJobForm dataForm = new DataJobForm();
  private final TrainJobForm trainForm = new TrainJobForm();
  private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
  private final Map<String, JobRow> rowsById = new HashMap<>();
  private final ObjectProperty<JobRow> selected = new SimpleObjectProperty<>(this, "selected");
  private final TrainingCurves curves = new TrainingCurves();
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final Set<String> startedHere = new HashSet<>();
  private final Set<String> exports = new HashSet<>();
  private final JobListener listener;
  private boolean refreshing;

  public TrainingViewModel(
      TrainingSetup setup,
      TaskExecutor tasks,
      DialogService dialogs,
      ModelRegistrar registrar,
      Clock clock) {
    this.setup = setup;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.registrar = registrar;
    this.clock = clock;
    available.set(setup.manager() != null);
    note.set(setup.problem() == null ? "" : setup.problem());
    listener = (record, event) -> tasks.runOnUiThread(() -> onEvent(record, event));
    selected.addListener((o, was, row) -> showCurvesOf(row));
    if (setup.manager() != null) {
      setup.manager().addListener(listener);
      merge(setup.manager().jobs());
    }
  }

  // ----- launching -----------------------------------------------------------------------------

  /** Starts the dataset form's job. */
  public void startDataJob() {
    launch("Dataset", () -> dataForm.toSpec(setup.projectRoot()));
  }

  /** Starts the training form's job. */
  public void startTraining() {
    launch("Training", () -> trainForm.toSpec(setup.projectRoot()));
  }

  private interface SpecSource {
    JobSpec get() throws TseException;
  }

  private void launch(String what, SpecSource source) {
    JobManager manager = setup.manager();
    if (manager == null) {
      dialogs.showError(what, note.get());
      return;
    }
    tasks.execute(
        BackgroundTask.of("Starting a job", p -> manager.start(source.get()).record())
            .onSuccess(this::started)
            .onFailure(e -> dialogs.showFailure(what, e)));
  }

  private void started(JobRecord record) {
    startedHere.add(record.id());
    JobRow row = rowFor(record);
    selected.set(row);
    status.set("Started " + record.title());
  }

  // ----- job actions ---------------------------------------------------------------------------

  /** Asks the job to stop; a trainer writes its checkpoint first (SIGTERM, then a grace period). */
  public void cancel(JobRow row) {
    if (row == null || setup.manager() == null) {
      return;
    }
    setup
        .manager()
        .job(row.id())
        .ifPresentOrElse(
            job -> {
              job.cancel(JobManager.DEFAULT_GRACE);
              status.set("Stopping " + row.titleProperty().get() + "…");
            },
            () -> dialogs.showError("Cancel", row.id() + ": not running in this session"));
  }

  /** Continues a stopped run from its last checkpoint. */
  public void resume(JobRow row) {
    JobManager manager = setup.manager();
    if (row == null || manager == null) {
      return;
    }
    tasks.execute(
        BackgroundTask.of("Resuming " + row.id(), p -> manager.resume(row.id()).record())
            .onSuccess(this::started)
            .onFailure(e -> dialogs.showFailure("Resume", e)));
  }

  /**
   * Exports the run's best checkpoint as a job; when it succeeds, its model card is registered for
   * extraction.
   */
  public void registerModel(JobRow row) {
    JobManager manager = setup.manager();
    if (row == null || manager == null) {
      return;
    }
    JobRecord training = row.record();
    tasks.execute(
        BackgroundTask.of(
                "Exporting " + row.id(), p -> manager.start(RunExport.spec(training)).record())
            .onSuccess(
                record -> {
                  exports.add(record.id());
                  startedHere.add(record.id());
                  rowFor(record);
                  status.set("Exporting " + row.titleProperty().get() + " to register its model…");
                })
            .onFailure(e -> dialogs.showFailure("Register model", e)));
  }

  /** Removes an ended job from the list (its files stay on disk). */
  public void remove(JobRow row) {
    JobManager manager = setup.manager();
    if (row == null || manager == null) {
      return;
    }
    tasks.execute(
        BackgroundTask.of(
                "Removing " + row.id(),
                p -> {
                  manager.forget(row.id());
                  return row;
                })
            .onSuccess(
                r -> {
                  jobs.remove(r);
                  rowsById.remove(r.id());
                  if (selected.get() == r) {
                    selected.set(null);
                  }
                })
            .onFailure(e -> dialogs.showFailure("Remove", e)));
  }

  /** Plots a run's metrics log (from any run, also one trained elsewhere). */
  public void openMetricsLog(Path file) {
    selected.set(null);
    Path parent = file.toAbsolutePath().getParent();
    String name =
        (parent == null || parent.getFileName() == null ? "" : parent.getFileName() + "/")
            + file.getFileName();
    curves.clear(name);
    tasks.execute(
        BackgroundTask.of("Reading " + file.getFileName(), p -> MetricsLog.read(file))
            .onSuccess(
                metrics -> {
                  if (selected.get() == null && curves.titleProperty().get().equals(name)) {
                    curves.addAll(metrics);
                  }
                  status.set("Plotted " + metrics.size() + " metric lines of " + name);
                })
            .onFailure(e -> dialogs.showFailure("Open metrics log", e)));
  }

  // ----- keeping the list current --------------------------------------------------------------

  /** Moves the running jobs' elapsed times on; the view calls it every second. */
  public void tick() {
    var now = clock.instant();
    for (JobRow row : jobs) {
      if (row.stateProperty().get() == JobState.RUNNING) {
        row.tick(now);
      }
    }
  }

  /** Picks up jobs that other processes (the CLI) started or changed; cheap, on a timer. */
  public void refresh() {
    JobManager manager = setup.manager();
    if (manager == null || refreshing) {
      return;
    }
    refreshing = true;
    tasks.execute(
        BackgroundTask.of(
                "Refreshing jobs",
                p -> {
                  manager.refresh();
                  return manager.jobs();
                })
            .onSuccess(
                records -> {
                  refreshing = false;
                  merge(records);
                })
            .onFailure(e -> refreshing = false));
  }

  private void merge(List<JobRecord> records) {
    Set<String> present = new HashSet<>();
    for (JobRecord record : records) {
      present.add(record.id());
      rowFor(record);
    }
    List<JobRow> gone = new ArrayList<>();
    for (JobRow row : jobs) {
      if (!present.contains(row.id())) {
        gone.add(row);
      }
    }
    gone.forEach(r -> rowsById.remove(r.id()));
    jobs.removeAll(gone);
  }

  /** The row of a job, created (newest first) when it is new, updated otherwise. */
  private JobRow rowFor(JobRecord record) {
    JobRow row = rowsById.get(record.id());
    if (row == null) {
      row = new JobRow(record, clock.instant());
      rowsById.put(record.id(), row);
      int at = 0;
      while (at < jobs.size() && jobs.get(at).record().createdAt().isAfter(record.createdAt())) {
        at++;
      }
      jobs.add(at, row);
    } else if (isNewer(record, row.record())) {
      row.update(record, clock.instant());
    }
    return row;
  }

  /** Whether {@code a} is at least as new as {@code b} (the registry may lag the live record). */
  private static boolean isNewer(JobRecord a, JobRecord b) {
    if (a.attempts() != b.attempts()) {
      return a.attempts() > b.attempts();
    }
    return !(b.state().finished() && !a.state().finished());
  }

  private void onEvent(JobRecord record, JobEvent event) {
    JobRow row = rowFor(record);
    if (event instanceof JobEvent.Progress p) {
      row.stage(p.message());
    } else if (event instanceof JobEvent.Metric m && row == selected.get()) {
      curves.add(m);
    } else if (event instanceof JobEvent.StateChanged s) {
      row.update(record, clock.instant());
      ended(record, s);
    }
  }

  private void ended(JobRecord record, JobEvent.StateChanged change) {
    boolean ours = startedHere.remove(record.id());
    if (exports.remove(record.id()) && change.state() == JobState.SUCCEEDED) {
      try {
        registrar.register(RunExport.cardOf(record));
        status.set("Exported and registered " + record.title());
      } catch (TseException e) {
        dialogs.showError("Register model", e.getMessage());
      }
      return;
    }
    if (ours && change.state() == JobState.FAILED) {
      dialogs.showError(record.title() + " failed", change.message());
    }
    status.set(record.title() + ": " + change.state().name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Draws the selected job's curves: its whole history from disk, then its live events. */
  private void showCurvesOf(JobRow row) {
    if (row == null) {
      return;
    }
    curves.clear(row.titleProperty().get());
    if (!row.kind().equals(JobKind.TRAIN.name()) || setup.manager() == null) {
      return;
    }
    JobManager manager = setup.manager();
    tasks.execute(
        BackgroundTask.of("Reading " + row.id(), p -> manager.readEvents(row.id()))
            .onSuccess(
                events -> {
                  if (selected.get() == row) {
                    curves.addAll(events);
                  }
                })
            .onFailure(e -> status.set(org.tsestudio.app.core.Errors.userMessage(e))));
  }

  /** Stops listening; running jobs keep running and are found again at the next start. */
  @Override
  public void close() {
    if (setup.manager() != null) {
      setup.manager().removeListener(listener);
      setup.manager().close();
    }
  }

  /** The live job behind a row, while this session watches it. */
  public java.util.Optional<TrainingJob> liveJob(JobRow row) {
    return setup.manager() == null ? java.util.Optional.empty() : setup.manager().job(row.id());
  }

  public DataJobForm dataForm() {
    return dataForm;
  }

  public TrainJobForm trainForm() {
    return trainForm;
  }

  /** All jobs, newest first. */
  public ObservableList<JobRow> jobs() {
    return jobs;
  }

  public ObjectProperty<JobRow> selectedProperty() {
    return selected;
  }

  public TrainingCurves curves() {
    return curves;
  }

  /** False when jobs cannot run here (no Python or no project folder); {@link #noteProperty}. */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** The last thing that happened, for the panel's status line. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** Where relative paths in the forms point (and where the jobs run). */
  public Path projectRoot() {
    return setup.projectRoot();
  }
}
