package org.tsestudio.app.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.MapChangeListener;
import org.tsestudio.app.core.BackgroundTask;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.TaskExecutor;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.timeline.TimelineModel;
import org.tsestudio.engine.audio.AudioSignal;

/**
 * A/B listening: the mixture (M) and two model outputs (A, B) play in sync through one {@link
 * PlaybackEngine}; switching keeps the playhead and cross-fades. Optional loudness matching, a loop
 * over the selection, and a blind mode in which A and B hide shuffled contenders and the listener's
 * preferences are tallied.
 */
public final class ListeningViewModel {
  /** What the engine currently plays. */
  public enum Programme {
    AB,
    REFERENCE
  }

  private final Session session;
  private final PlaybackEngine engine;
  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final TimelineModel timeline;
  private final Random random;

  private final ReadOnlyObjectWrapper<Slot> active = new ReadOnlyObjectWrapper<>(Slot.MIXTURE);
  private final ReadOnlyObjectWrapper<Programme> programme =
      new ReadOnlyObjectWrapper<>(Programme.AB);
  private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper aAvailable = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper bAvailable = new ReadOnlyBooleanWrapper();
  private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop");
  private final BooleanProperty blind = new SimpleBooleanProperty(this, "blind");
  private final BooleanProperty loudnessMatch = new SimpleBooleanProperty(this, "match", true);
  private final StringProperty modelA = new SimpleStringProperty(this, "modelA", "v7");
  private final StringProperty modelB = new SimpleStringProperty(this, "modelB", "v8");
  private final ReadOnlyStringWrapper labelA = new ReadOnlyStringWrapper("v7");
  private final ReadOnlyStringWrapper labelB = new ReadOnlyStringWrapper("v8");
  private final ReadOnlyStringWrapper heardKey = new ReadOnlyStringWrapper("mixture");
  private final ReadOnlyStringWrapper gainsText = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper tallyText = new ReadOnlyStringWrapper("");
  private final ReadOnlyIntegerWrapper trials = new ReadOnlyIntegerWrapper();
  private final ReadOnlyStringWrapper output = new ReadOnlyStringWrapper("");

  private AbMaterial material;
  private AbRenderer abRenderer;
  private BlindTest blindTest;
  private StudioItem watched;
  private long generation;
  private final InvalidationListener rebuild = o -> rebuild();
  private final MapChangeListener<String, Clip> outputsChanged = c -> rebuild();

  public ListeningViewModel(
      Session session,
      PlaybackEngine engine,
      TaskExecutor tasks,
      DialogService dialogs,
      Random random) {
    this.session = session;
    this.engine = engine;
    this.tasks = tasks;
    this.dialogs = dialogs;
    this.timeline = session.timeline();
    this.random = random;
    session.currentProperty().addListener((o, old, item) -> watch(item));
    modelA.addListener(rebuild);
    modelB.addListener(rebuild);
    loudnessMatch.addListener(rebuild);
    loop.addListener(o -> applyLoop());
    timeline.selectionProperty().addListener(o -> applyLoop());
    blind.addListener((o, was, on) -> blindChanged(on));
    watch(session.current());
  }

  private void watch(StudioItem item) {
    if (watched != null) {
      watched.mixtureProperty().removeListener(rebuild);
      watched.outputs().removeListener(outputsChanged);
    }
    watched = item;
    if (item != null) {
      item.mixtureProperty().addListener(rebuild);
      item.outputs().addListener(outputsChanged);
    }
    engine.pause();
    timeline.setPlayhead(0);
    rebuild();
  }

  /** Prepares the A/B material in the background (resampling, loudness) and loads it. */
  private void rebuild() {
    long gen = ++generation;
    StudioItem item = watched;
    Clip mixture = item == null ? null : item.mixtureProperty().get();
    if (mixture == null) {
      material = null;
      abRenderer = null;
      ready.set(false);
      updateAvailability();
      return;
    }
    List<String> models = List.of(modelA.get(), modelB.get());
    List<AudioSignal> outs = new ArrayList<>();
    Map<String, Clip> outputs = item.outputs();
    for (String m : models) {
      Clip c = outputs.get(m);
      outs.add(c == null ? null : c.signal());
    }
    boolean match = loudnessMatch.get();
    tasks.execute(
        BackgroundTask.of(
                "Preparing A/B", p -> AbMaterial.prepare(mixture.signal(), models, outs, match))
            .onSuccess(
                m -> {
                  if (gen == generation) {
                    install(m);
                  }
                })
            .onFailure(e -> dialogs.showFailure("Playback", e)));
  }

  private void install(AbMaterial m) {
    boolean wasPlaying = engine.isPlaying() && programme.get() == Programme.AB;
    material = m;
    abRenderer = m.renderer();
    updateAvailability();
    if (!isAvailable(active.get())) {
      active.set(Slot.MIXTURE);
    }
    if (blind.get() && blindTest == null) {
      blindChanged(true);
    }
    if (programme.get() == Programme.AB) {
      loadAb(wasPlaying);
    }
    gainsText.set(m.describeLoudness());
    ready.set(true);
  }

  private void loadAb(boolean resume) {
    engine.load(abRenderer, material.sampleRate());
    abRenderer.seek(Math.round(timeline.playhead() * material.sampleRate()));
    abRenderer.select(indexFor(active.get()));
    programme.set(Programme.AB);
    applyLoop();
    updateHeard();
    if (resume) {
      engine.play();
    }
  }

  private void updateAvailability() {
    aAvailable.set(material != null && material.indexOf(modelA.get()) >= 0);
    bAvailable.set(material != null && material.indexOf(modelB.get()) >= 0);
    if (blind.get() && !(aAvailable.get() && bAvailable.get())) {
      blind.set(false);
    }
    updateLabels();
  }

  private void updateLabels() {
    labelA.set(blind.get() ? "X" : modelA.get());
    labelB.set(blind.get() ? "Y" : modelB.get());
  }

  private boolean isAvailable(Slot slot) {
    return switch (slot) {
      case MIXTURE -> material != null;
      case A -> aAvailable.get();
      case B -> bAvailable.get();
    };
  }

  private int indexFor(Slot slot) {
    return switch (slot) {
      case MIXTURE -> 0;
      case A -> material.indexOf(blindTest != null ? blindTest.hiddenAt(0) : modelA.get());
      case B -> material.indexOf(blindTest != null ? blindTest.hiddenAt(1) : modelB.get());
    };
  }

  /**
   * Switches what is heard at the same playhead (keys M, A, B).
   *
   * @return false when that slot has nothing to play
   */
  public boolean switchTo(Slot slot) {
    if (!isAvailable(slot)) {
      return false;
    }
    active.set(slot);
    if (programme.get() == Programme.REFERENCE) {
      boolean resume = engine.isPlaying();
      loadAb(resume);
    } else {
      abRenderer.select(indexFor(slot));
    }
    updateHeard();
    return true;
  }

  private void updateHeard() {
    if (programme.get() == Programme.REFERENCE) {
      heardKey.set("reference");
    } else if (material == null) {
      heardKey.set(null);
    } else {
      heardKey.set(material.names().get(indexFor(active.get())));
    }
  }

  public void togglePlay() {
    if (engine.isPlaying()) {
      pause();
    } else {
      play();
    }
  }

  public void play() {
    if (programme.get() == Programme.AB && abRenderer == null) {
      return;
    }
    engine.play();
    playing.set(true);
    output.set(engine.outputDescription());
  }

  public void pause() {
    engine.pause();
    playing.set(false);
  }

  /** Pauses and returns to the start of the selection, or of the material. */
  public void stop() {
    pause();
    Selection sel = timeline.selection();
    seek(sel != null ? sel.start() : 0);
  }

  /** Moves the playhead; while playing the jump is cross-faded. */
  public void seek(double seconds) {
    timeline.setPlayhead(seconds);
    AbRenderer r = engine.renderer();
    if (r != null) {
      r.seek(Math.round(timeline.playhead() * engine.sampleRate()));
    }
  }

  /** Plays the reference alone from its start; M, A or B return to the A/B material. */
  public boolean playReference() {
    StudioItem item = session.current();
    Clip ref = item == null ? session.sessionReferenceProperty().get() : session.referenceFor(item);
    if (ref == null) {
      return false;
    }
    engine.load(AbMaterial.single("reference", ref.signal()).renderer(), ref.sampleRate());
    programme.set(Programme.REFERENCE);
    timeline.setPlayhead(0);
    applyLoop();
    updateHeard();
    play();
    return true;
  }

  /** Called once per frame by the view: follows the heard position with the playhead. */
  public void tick() {
    boolean nowPlaying = engine.isPlaying();
    if (nowPlaying) {
      timeline.follow(engine.positionSeconds());
    } else if (playing.get()) {
      timeline.setPlayhead(engine.positionSeconds());
    }
    playing.set(nowPlaying);
    output.set(engine.outputDescription());
  }

  private void applyLoop() {
    AbRenderer r = engine.renderer();
    if (r == null) {
      return;
    }
    Selection sel = timeline.selection();
    int rate = engine.sampleRate();
    if (loop.get() && sel != null) {
      r.setLoop(Math.round(sel.start() * rate), Math.round(sel.end() * rate));
    } else {
      r.setLoop(-1, -1);
    }
  }

  private void blindChanged(boolean on) {
    if (on) {
      if (!(aAvailable.get() && bAvailable.get())) {
        blind.set(false);
        return;
      }
      blindTest = new BlindTest(List.of(modelA.get(), modelB.get()), random);
      trials.set(0);
      tallyText.set("Blind: pick the better of X and Y; picks are hidden until you stop.");
    } else if (blindTest != null) {
      tallyText.set(blindTest.summary());
      blindTest = null;
    }
    updateLabels();
    if (abRenderer != null && programme.get() == Programme.AB) {
      abRenderer.select(indexFor(active.get()));
    }
    updateHeard();
  }

  /**
   * Records that the listener preferred X ({@link Slot#A}) or Y ({@link Slot#B}); the contenders
   * are reshuffled behind the slots for the next trial.
   */
  public void prefer(Slot slot) {
    if (blindTest == null || slot == Slot.MIXTURE) {
      return;
    }
    blindTest.pick(slot == Slot.A ? 0 : 1);
    trials.set(blindTest.trials());
    tallyText.set(blindTest.trials() + " picks recorded; stop blind mode to see the tally.");
    if (programme.get() == Programme.AB && abRenderer != null) {
      abRenderer.select(indexFor(active.get()));
    }
    updateHeard();
  }

  /** The blind test in progress (null when not blind); exposed for the tally view and tests. */
  public BlindTest blindTest() {
    return blindTest;
  }

  public ReadOnlyObjectProperty<Slot> activeProperty() {
    return active.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Programme> programmeProperty() {
    return programme.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty playingProperty() {
    return playing.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty readyProperty() {
    return ready.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty aAvailableProperty() {
    return aAvailable.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty bAvailableProperty() {
    return bAvailable.getReadOnlyProperty();
  }

  public BooleanProperty loopProperty() {
    return loop;
  }

  public BooleanProperty blindProperty() {
    return blind;
  }

  public BooleanProperty loudnessMatchProperty() {
    return loudnessMatch;
  }

  public StringProperty modelAProperty() {
    return modelA;
  }

  public StringProperty modelBProperty() {
    return modelB;
  }

  public ReadOnlyStringProperty labelAProperty() {
    return labelA.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty labelBProperty() {
    return labelB.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty heardKeyProperty() {
    return heardKey.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty gainsTextProperty() {
    return gainsText.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty tallyTextProperty() {
    return tallyText.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty trialsProperty() {
    return trials.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty outputProperty() {
    return output.getReadOnlyProperty();
  }
}
