package org.tsestudio.app.training;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobRecord;
import org.tsestudio.training.JobState;

/** One job in the training panel's list, as the table shows it. Touched on the UI thread only. */
public final class JobRow {
  private final String id;
  private final String kind;
  private JobRecord record;
  private String stage = "";
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
  private final ReadOnlyObjectWrapper<JobState> state =
      new ReadOnlyObjectWrapper<>(this, "state", JobState.RUNNING);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyStringWrapper elapsed = new ReadOnlyStringWrapper(this, "elapsed", "");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper canResume = new ReadOnlyBooleanWrapper(this, "resume");
  private final ReadOnlyBooleanWrapper canRegister = new ReadOnlyBooleanWrapper(this, "register");

  JobRow(JobRecord record, Instant now) {
    this.id = record.id();
    this.kind = record.kind().name();
    update(record, now);
  }

  /** Shows the job's newest record. */
  void update(JobRecord newer, Instant now) {
    record = newer;
    title.set(newer.title());
    state.set(newer.state());
    message.set(newer.message());
    long done = newer.progressDone();
    long total = newer.progressTotal();
    if (newer.state() == JobState.SUCCEEDED) {
      progress.set(1);
    } else if (total > 0 && done >= 0) {
      progress.set(Math.min(1, (double) done / total));
    } else {
      progress.set(newer.state() == JobState.RUNNING ? -1 : 0);
    }
    showProgressText();
    canResume.set(newer.canResume());
    canRegister.set(
        newer.kind().equals(JobKind.TRAIN)
            && newer.state().finished()
            && newer.lastCheckpoint() != null);
    tick(now);
  }

  /** The message of the job's latest progress event, e.g. {@code "epoch 3/200"}. */
  void stage(String text) {
    stage = text == null ? "" : text;
    showProgressText();
  }

  private void showProgressText() {
    long done = record.progressDone();
    long total = record.progressTotal();
    String counts = total > 0 && done >= 0 ? done + " / " + total : "";
    boolean running = record.state() == JobState.RUNNING;
    String now = running && !stage.isBlank() ? stage : "";
    progressText.set(counts.isEmpty() || now.isEmpty() ? counts + now : counts + " · " + now);
  }

  /** Brings the elapsed time up to {@code now} (it stops when the job has ended). */
  void tick(Instant now) {
    Instant start = record.createdAt();
    if (start == null) {
      elapsed.set("");
      return;
    }
    Instant end = record.state().finished() && record.endedAt() != null ? record.endedAt() : now;
    elapsed.set(format(Duration.between(start, end)));
  }

  static String format(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  public String id() {
    return id;
  }

  /** The job kind's short name: {@code train}, {@code generate}, {@code corpus}, {@code export}. */
  public String kind() {
    return kind;
  }

  /** The registry's record as last seen. */
  public JobRecord record() {
    return record;
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<JobState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  /** Done over total, 1 once succeeded, -1 while running with an unknown total. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  /** {@code "120 / 7000"}, or empty. */
  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty elapsedProperty() {
    return elapsed.getReadOnlyProperty();
  }

  /** Why the job is in its state (error, checkpoint), empty while running. */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty canResumeProperty() {
    return canResume.getReadOnlyProperty();
  }

  /** A finished training run with a checkpoint: it can be exported and registered. */
  public ReadOnlyBooleanProperty canRegisterProperty() {
    return canRegister.getReadOnlyProperty();
  }
}
