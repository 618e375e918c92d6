package org.tsestudio.app.tracks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import org.tsestudio.app.model.Clip;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.spectrogram.ColourMap;
import org.tsestudio.app.spectrogram.FrequencyScale;

/**
 * The lanes to draw for the current item (mixture, reference, each output, the ground truth) and
 * how to draw them. Keeps the shared time axis as long as the longest lane.
 */
public final class TracksViewModel {
  private final Session session;
  private final ObservableList<Track> tracks = FXCollections.observableArrayList();
  private final ObservableList<Track> readOnlyTracks =
      FXCollections.unmodifiableObservableList(tracks);
  private final ObjectProperty<DisplayMode> displayMode =
      new SimpleObjectProperty<>(this, "displayMode", DisplayMode.BOTH);
  private final ObjectProperty<FrequencyScale> frequencyScale =
      new SimpleObjectProperty<>(this, "frequencyScale", FrequencyScale.MEL);
  private final ObjectProperty<ColourMap> colourMap =
      new SimpleObjectProperty<>(this, "colourMap", ColourMap.MAGMA);
  private final List<String> modelOrder;
  private final InvalidationListener refresh = o -> rebuild();
  private final MapChangeListener<String, Clip> outputsChanged = c -> rebuild();
  private StudioItem watched;

  /**
   * @param modelOrder model names in the order their outputs are stacked (v7, v8, ...)
   */
  public TracksViewModel(Session session, List<String> modelOrder) {
    this.session = session;
    this.modelOrder = List.copyOf(modelOrder);
    session.currentProperty().addListener((obs, old, item) -> watch(item));
    session.sessionReferenceProperty().addListener(refresh);
    watch(session.current());
  }

  private void watch(StudioItem item) {
    if (watched != null) {
      watched.mixtureProperty().removeListener(refresh);
      watched.referenceProperty().removeListener(refresh);
      watched.targetProperty().removeListener(refresh);
      watched.outputs().removeListener(outputsChanged);
    }
    watched = item;
    if (item != null) {
      item.mixtureProperty().addListener(refresh);
      item.referenceProperty().addListener(refresh);
      item.targetProperty().addListener(refresh);
      item.outputs().addListener(outputsChanged);
    }
    rebuild();
  }

  private void rebuild() {
    List<Track> next = new ArrayList<>();
    StudioItem item = watched;
    if (item != null && item.mixtureProperty().get() != null) {
      next.add(new Track(TrackRole.MIXTURE, "mixture", "Mixture", item.mixtureProperty().get()));
      Clip reference = session.referenceFor(item);
      if (reference != null) {
        next.add(new Track(TrackRole.REFERENCE, "reference", "Reference", reference));
      }
      List<Map.Entry<String, Clip>> outputs = new ArrayList<>(item.outputs().entrySet());
      outputs.sort(Comparator.comparingInt(e -> orderOf(e.getKey())));
      for (Map.Entry<String, Clip> e : outputs) {
        next.add(new Track(TrackRole.OUTPUT, e.getKey(), e.getKey() + " output", e.getValue()));
      }
      Clip target = item.targetProperty().get();
      if (target != null) {
        next.add(new Track(TrackRole.TARGET, "target", "Ground truth", target));
      }
    }
    if (!next.equals(tracks)) {
      tracks.setAll(next);
    }
    double longest = 0;
    for (Track t : next) {
      longest = Math.max(longest, t.clip().durationSeconds());
    }
    session.timeline().setDuration(longest);
  }

  /** Re-reads the session reference (it is not a property of the item when inherited). */
  public void refresh() {
    rebuild();
  }

  private int orderOf(String model) {
    int i = modelOrder.indexOf(model);
    return i < 0 ? Integer.MAX_VALUE : i;
  }

  public ObservableList<Track> tracks() {
    return readOnlyTracks;
  }

  public ObjectProperty<DisplayMode> displayModeProperty() {
    return displayMode;
  }

  public ObjectProperty<FrequencyScale> frequencyScaleProperty() {
    return frequencyScale;
  }

  public ObjectProperty<ColourMap> colourMapProperty() {
    return colourMap;
  }

  public Session session() {
    return session;
  }
}
