package org.tsestudio.app.extraction;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.Errors;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.core.UserFacingException;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.ItemStatus;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;

/**
 * Runs the chosen models over the current mixture or the whole queue, one extraction at a time,
 * with progress and cancel. Each result becomes an output of its item (and a lane, and an A/B
 * source). Disabled, with the service's reason shown, while no extractor can run.
 */
public final class ExtractionViewModel {
  private final Session session;
  private final ExtractionService service;
  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final AudioLoader loader;

  private final ObservableList<ModelToggle> models = FXCollections.observableArrayList();
  private final ObservableList<String> devices = FXCollections.observableArrayList();
  private final ObjectProperty<String> device = new SimpleObjectProperty<>(this, "device");
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper deviceInUse = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper canExtract = new ReadOnlyBooleanWrapper();
  private final Deque<Job> pending = new ArrayDeque<>();
  private TaskExecutor.TaskHandle currentTask;
  private int jobsTotal;
  private int jobsDone;
  private int jobsFailed;

  private record Job(StudioItem item, ModelChoice model) {}

  public ExtractionViewModel(
      Session session,
      ExtractionService service,
      TaskExecutor tasks,
      DialogService dialogs,
      AudioLoader loader,
      Set<String> chosenModels) {
    this.session = session;
    this.service = service;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.loader = loader;
    for (ModelChoice m : service.models()) {
      models.add(new ModelToggle(m, chosenModels.contains(m.name())));
    }
    devices.setAll(service.devices());
    device.set(devices.isEmpty() ? null : devices.get(0));
    available.set(service.unavailableReason().isEmpty());
    note.set(service.unavailableReason().orElse(""));
    canExtract.bind(available.and(running.not()).and(session.currentProperty().isNotNull()));
  }

  /**
   * Offers one more model (one registered from the training panel); a model of the same name is
   * replaced.
   */
  public ModelToggle addModel(ModelChoice model, boolean chosen) {
    ModelToggle toggle = new ModelToggle(model, chosen);
    for (int i = 0; i < models.size(); i++) {
      if (models.get(i).model().name().equals(model.name())) {
        models.set(i, toggle);
        return toggle;
      }
    }
    models.add(toggle);
    return toggle;
  }

  /** Extracts the current mixture with every chosen model. */
  public void extractCurrent() {
    StudioItem item = session.current();
    if (item != null) {
      start(List.of(item));
    }
  }

  /** Extracts every queued mixture not yet done, with every chosen model. */
  public void extractQueue() {
    List<StudioItem> todo = new ArrayList<>();
    for (StudioItem item : session.queue()) {
      if (item.status() != ItemStatus.DONE) {
        todo.add(item);
      }
    }
    start(todo);
  }

  private void start(List<StudioItem> items) {
    if (!available.get() || running.get() || items.isEmpty()) {
      return;
    }
    List<ModelChoice> chosen = chosenModels();
    if (chosen.isEmpty()) {
      dialogs.showError("Extract", "choose at least one model");
      return;
    }
    for (StudioItem item : items) {
      if (session.referenceFor(item) == null && item.referencePath() == null) {
        dialogs.showError(
            "Extract",
            item.mixturePath()
                + ": no reference; record one, load a file or drag a region of the mixture");
        return;
      }
    }
    pending.clear();
    for (StudioItem item : items) {
      for (ModelChoice m : chosen) {
        pending.add(new Job(item, m));
      }
      item.setState(ItemStatus.QUEUED, 0, "");
    }
    jobsTotal = pending.size();
    jobsDone = 0;
    jobsFailed = 0;
    running.set(true);
    runNext();
  }

  private void runNext() {
    Job job = pending.poll();
    if (job == null) {
      running.set(false);
      progress.set(0);
      progressText.set(
          jobsFailed == 0
              ? "Finished " + jobsDone + " of " + jobsTotal
              : "Finished "
                  + (jobsDone - jobsFailed)
                  + " of "
                  + jobsTotal
                  + " · "
                  + jobsFailed
                  + " failed");
      currentTask = null;
      return;
    }
    StudioItem item = job.item();
    ItemFiles have = ItemFiles.snapshot(item);
    Clip sessionReference = session.referenceFor(item);
    String dev = device.get();
    item.setState(ItemStatus.RUNNING, 0, job.model().name());
    currentTask =
        tasks.execute(
            BackgroundTask.of(
                    "Extracting " + item.name(),
                    p -> {
                      ItemFiles files = have.complete(item, loader);
                      Clip ref = files.reference() != null ? files.reference() : sessionReference;
                      if (ref == null) {
                        throw new UserFacingException(item.mixturePath() + ": no reference");
                      }
                      ExtractionOutput out =
                          service.extract(
                              new ExtractionRequest(
                                  files.mixture().signal(),
                                  item.mixturePath().getFileName().toString(),
                                  ref.signal(),
                                  referenceName(ref),
                                  job.model(),
                                  dev),
                              p);
                      return new Result(files, out);
                    })
                .onProgress((f, message) -> showProgress(job, f, message))
                .onSuccess(result -> finished(job, result))
                .onFailure(e -> failed(job, e, knownReference(have, item, sessionReference)))
                .onCancelled(() -> cancelled(job)));
  }

  private record Result(ItemFiles files, ExtractionOutput output) {}

  /** What error messages call a reference: its file, or what it was cut from. */
  private static String referenceName(Clip ref) {
    return ref.source() != null
        ? ref.source().getFileName().toString()
        : ref.label() + " (recorded or cut in the studio)";
  }

  private void showProgress(Job job, double fraction, String message) {
    job.item().setState(ItemStatus.RUNNING, fraction, job.model().name());
    progress.set((jobsDone + fraction) / Math.max(1, jobsTotal));
    progressText.set(
        job.item().name()
            + " · "
            + job.model().name()
            + (message == null || message.isEmpty() ? "" : " · " + message));
  }

  private void finished(Job job, Result result) {
    StudioItem item = job.item();
    result.files().applyTo(item);
    ExtractionOutput out = result.output();
    item.outputs()
        .put(job.model().name(), new Clip(job.model().name() + " output", null, out.audio()));
    deviceInUse.set(out.device());
    jobsDone++;
    boolean moreForItem = pending.stream().anyMatch(j -> j.item() == item);
    item.setState(moreForItem ? ItemStatus.QUEUED : ItemStatus.DONE, 1, "");
    runNext();
  }

  /** The reference clip a job will use, when it is in memory already (else null). */
  private static Clip knownReference(ItemFiles have, StudioItem item, Clip sessionReference) {
    if (have.reference() != null) {
      return have.reference();
    }
    return item.referencePath() == null ? sessionReference : null;
  }

  /**
   * Shows the one-line reason and drops the item's other models. When the reason is the reference
   * (silent, too short) and queued items use that same clip, they would fail alike: they are
   * dropped too, so the user sees one dialog rather than one per mixture.
   */
  private void failed(Job job, Exception e, Clip reference) {
    String message = Errors.userMessage(e);
    job.item().setState(ItemStatus.FAILED, 0, message);
    dialogs.showError("Extraction failed", message);
    boolean referenceFault =
        reference != null && message.startsWith(referenceName(reference) + ":");
    List<Job> dropped = new ArrayList<>();
    for (Job j : pending) {
      boolean sameItem = j.item() == job.item();
      boolean sameReference =
          referenceFault
              && knownReference(
                      ItemFiles.snapshot(j.item()), j.item(), session.referenceFor(j.item()))
                  == reference;
      if (sameItem || sameReference) {
        dropped.add(j);
      }
    }
    pending.removeAll(dropped);
    for (Job j : dropped) {
      if (j.item() != job.item()) {
        j.item().setState(ItemStatus.FAILED, 0, message);
      }
    }
    jobsDone += 1 + dropped.size();
    jobsFailed += 1 + dropped.size();
    runNext();
  }

  private void cancelled(Job job) {
    job.item().setState(ItemStatus.CANCELLED, 0, "cancelled");
    for (Job j : pending) {
      j.item().setState(ItemStatus.CANCELLED, 0, "cancelled");
    }
    pending.clear();
    running.set(false);
    progress.set(0);
    progressText.set("Cancelled");
    currentTask = null;
  }

  /** Stops the running extraction and drops the rest of the queue. */
  public void cancel() {
    if (currentTask != null) {
      currentTask.cancel();
    }
  }

  public List<ModelChoice> chosenModels() {
    List<ModelChoice> chosen = new ArrayList<>();
    for (ModelToggle t : models) {
      if (t.isChosen()) {
        chosen.add(t.model());
      }
    }
    return chosen;
  }

  public ObservableList<ModelToggle> models() {
    return models;
  }

  public ObservableList<String> devices() {
    return devices;
  }

  public ObjectProperty<String> deviceProperty() {
    return device;
  }

  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noteProperty() {
    return note.getReadOnlyProperty();
  }

  /** Whether Extract can start now: an extractor, a mixture shown, nothing running. */
  public ReadOnlyBooleanProperty canExtractProperty() {
    return canExtract.getReadOnlyProperty();
  }

  /** Where the last extraction actually ran ("CPU", "GPU 0"), empty before the first one. */
  public ReadOnlyStringProperty deviceInUseProperty() {
    return deviceInUse.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressTextProperty() {
    return progressText.getReadOnlyProperty();
  }
}
