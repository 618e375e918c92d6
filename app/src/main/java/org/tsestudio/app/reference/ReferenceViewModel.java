package org.tsestudio.app.reference;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.core.UserFacingException;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.ui.TimeFormat;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * The reference clip of the target speaker: recorded from a microphone (device choice, level meter,
 * count-in, stop, trim), loaded from a file, or cut out of the mixture.
 */
public final class ReferenceViewModel {
  /** Recording rate: both models accept it (v7 resamples to 8 kHz). */
  public static final int RECORD_RATE = 16000;

  private final Session session;
  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final AudioLoader loader;
  private final Recorder recorder;

  private final ObservableList<InputDevice> devices = FXCollections.observableArrayList();
  private final ObjectProperty<InputDevice> device = new SimpleObjectProperty<>(this, "device");
  private final IntegerProperty countInSeconds = new SimpleIntegerProperty(this, "countIn", 3);
  private final BooleanProperty autoTrim = new SimpleBooleanProperty(this, "autoTrim", true);
  private final ReadOnlyObjectWrapper<RecordingState> state =
      new ReadOnlyObjectWrapper<>(RecordingState.IDLE);
  private final ReadOnlyIntegerWrapper countdown = new ReadOnlyIntegerWrapper();
  private final ReadOnlyDoubleWrapper levelDb = new ReadOnlyDoubleWrapper(-120);
  private final ReadOnlyDoubleWrapper recordedSeconds = new ReadOnlyDoubleWrapper();
  private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("No reference yet");
  private final ReadOnlyBooleanWrapper hasReference = new ReadOnlyBooleanWrapper();
  private final AtomicBoolean stopRequested = new AtomicBoolean();
  private final AtomicBoolean meterPosted = new AtomicBoolean();
  private TaskExecutor.TaskHandle recording;

  public ReferenceViewModel(
      Session session,
      TaskExecutor tasks,
      DialogService dialogs,
      AudioLoader loader,
      Recorder recorder) {
    this.session = session;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.loader = loader;
    this.recorder = recorder;
    session.currentProperty().addListener((o, a, b) -> updateSummary());
    session.sessionReferenceProperty().addListener((o, a, b) -> updateSummary());
    refreshDevices();
  }

  /** Lists the inputs again (devices come and go). */
  public void refreshDevices() {
    InputDevice chosen = device.get();
    devices.setAll(recorder.inputDevices());
    device.set(
        chosen != null && devices.contains(chosen)
            ? chosen
            : devices.isEmpty() ? null : devices.get(0));
  }

  /** Chooses an input by its name (from the settings); unknown names keep the current choice. */
  public void selectDevice(String name) {
    for (InputDevice d : devices) {
      if (d.name().equals(name)) {
        device.set(d);
      }
    }
  }

  public void updateSummary() {
    StudioItem item = session.current();
    Clip ref = item == null ? session.sessionReferenceProperty().get() : session.referenceFor(item);
    hasReference.set(ref != null);
    if (ref == null) {
      summary.set("No reference yet");
      return;
    }
    String from = ref.source() == null ? "" : " · " + ref.source().getFileName();
    summary.set(
        ref.label()
            + " · "
            + TimeFormat.format(ref.durationSeconds(), 2)
            + String.format(Locale.ROOT, " · %.1f kHz", ref.sampleRate() / 1000.0)
            + from);
  }

  /** Starts the count-in, then records until {@link #stop()}. */
  public void record() {
    if (state.get() != RecordingState.IDLE || device.get() == null) {
      return;
    }
    InputDevice input = device.get();
    double countIn = Math.max(0, countInSeconds.get());
    stopRequested.set(false);
    state.set(countIn > 0 ? RecordingState.COUNT_IN : RecordingState.RECORDING);
    countdown.set((int) Math.ceil(countIn));
    recordedSeconds.set(0);
    boolean trim = autoTrim.get();
    recording =
        tasks.execute(
            BackgroundTask.of(
                    "Recording",
                    p -> {
                      float[] x =
                          recorder.record(
                              input,
                              RECORD_RATE,
                              countIn,
                              () -> stopRequested.get() || p.isCancelled(),
                              this::meter);
                      return finishRecording(x, trim);
                    })
                .onSuccess(
                    clip -> {
                      state.set(RecordingState.IDLE);
                      levelDb.set(-120);
                      session.setReference(clip);
                    })
                .onFailure(
                    e -> {
                      state.set(RecordingState.IDLE);
                      levelDb.set(-120);
                      dialogs.showFailure("Recording", e);
                    })
                .onCancelled(() -> state.set(RecordingState.IDLE)));
  }

  private static Clip finishRecording(float[] x, boolean trim) throws UserFacingException {
    int[] range = SilenceTrim.audibleRange(x, RECORD_RATE, 0.1);
    if (range == null) {
      throw new UserFacingException(
          "microphone recording: only silence was captured; check the input device and its level");
    }
    float[] kept = trim ? java.util.Arrays.copyOfRange(x, range[0], range[1]) : x;
    return new Clip("Recording", null, new AudioSignal(kept, RECORD_RATE));
  }

  /** Meter readings arrive from the capture thread; only the newest is posted to the UI. */
  private void meter(double peakDb, double seconds, int count) {
    if (meterPosted.compareAndSet(false, true)) {
      tasks.runOnUiThread(
          () -> {
            meterPosted.set(false);
            levelDb.set(peakDb);
            recordedSeconds.set(seconds);
            countdown.set(count);
            if (count == 0 && state.get() == RecordingState.COUNT_IN) {
              state.set(RecordingState.RECORDING);
            }
          });
    }
  }

  /** Ends the recording and keeps it. */
  public void stop() {
    stopRequested.set(true);
  }

  /** Ends the recording and throws it away. */
  public void cancel() {
    if (recording != null) {
      recording.cancel();
    }
  }

  /** Loads a reference file in the background. */
  public void load(Path file) {
    tasks.execute(
        BackgroundTask.of("Loading reference", p -> loader.load(file, "Reference"))
            .onSuccess(session::setReference)
            .onFailure(e -> dialogs.showFailure("Cannot open the reference", e)));
  }

  /** Uses the selected region of the mixture as the reference. */
  public boolean useMixtureSelection() {
    Selection sel = session.timeline().selection();
    StudioItem item = session.current();
    if (sel == null || item == null || item.mixtureProperty().get() == null) {
      return false;
    }
    session.setReference(
        item.mixtureProperty().get().slice("From mixture", sel.start(), sel.end()));
    return true;
  }

  /** Keeps only the selected part of the reference (it starts at 0 on the shared axis). */
  public boolean trimToSelection() {
    Selection sel = session.timeline().selection();
    Clip ref = currentReference();
    if (sel == null || ref == null || sel.start() >= ref.durationSeconds()) {
      return false;
    }
    session.setReference(ref.slice(ref.label(), sel.start(), sel.end()));
    session.timeline().clearSelection();
    return true;
  }

  /** Cuts leading and trailing silence off the reference. */
  public boolean trimSilence() {
    Clip ref = currentReference();
    if (ref == null) {
      return false;
    }
    int[] r = SilenceTrim.audibleRange(ref.signal().samples(), ref.sampleRate(), 0.1);
    if (r == null) {
      dialogs.showError("Trim", ref.label() + ": the reference is silent");
      return false;
    }
    double rate = ref.sampleRate();
    session.setReference(ref.slice(ref.label(), r[0] / rate, r[1] / rate));
    return true;
  }

  private Clip currentReference() {
    StudioItem item = session.current();
    return item == null ? session.sessionReferenceProperty().get() : session.referenceFor(item);
  }

  public ObservableList<InputDevice> devices() {
    return devices;
  }

  public ObjectProperty<InputDevice> deviceProperty() {
    return device;
  }

  public IntegerProperty countInSecondsProperty() {
    return countInSeconds;
  }

  public BooleanProperty autoTrimProperty() {
    return autoTrim;
  }

  public ReadOnlyObjectProperty<RecordingState> stateProperty() {
    return state.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty countdownProperty() {
    return countdown.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty levelDbProperty() {
    return levelDb.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty recordedSecondsProperty() {
    return recordedSeconds.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty summaryProperty() {
    return summary.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty hasReferenceProperty() {
    return hasReference.getReadOnlyProperty();
  }
}
