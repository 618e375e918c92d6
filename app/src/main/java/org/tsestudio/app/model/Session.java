package org.tsestudio.app.model;

import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.tsestudio.app.timeline.TimelineModel;

/**
 * What every panel works on: the queue of mixtures, the one shown, the reference the user set last
 * (used for queued mixtures that have none of their own), and the shared time axis.
 */
public final class Session {
  private final ObservableList<StudioItem> queue = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<StudioItem> current =
      new ReadOnlyObjectWrapper<>(this, "current");
  private final ObjectProperty<Clip> sessionReference =
      new SimpleObjectProperty<>(this, "sessionReference");
  private final TimelineModel timeline = new TimelineModel();

  public ObservableList<StudioItem> queue() {
    return queue;
  }

  public ReadOnlyObjectProperty<StudioItem> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public StudioItem current() {
    return current.get();
  }

  public void setCurrent(StudioItem item) {
    if (item != null && !queue.contains(item)) {
      throw new IllegalArgumentException(item + " is not in the queue");
    }
    current.set(item);
  }

  public void addAll(List<StudioItem> items) {
    queue.addAll(items);
  }

  /** Removes an item; the next one (or none) becomes current when it was current. */
  public void remove(StudioItem item) {
    int index = queue.indexOf(item);
    queue.remove(item);
    if (current.get() == item) {
      current.set(queue.isEmpty() ? null : queue.get(Math.min(index, queue.size() - 1)));
    }
  }

  public ObjectProperty<Clip> sessionReferenceProperty() {
    return sessionReference;
  }

  /** Sets the reference of the current item and remembers it for items that have none. */
  public void setReference(Clip clip) {
    sessionReference.set(clip);
    if (current.get() != null) {
      current.get().referenceProperty().set(clip);
    }
  }

  /** The reference extraction uses for an item: its own, else the last one the user set. */
  public Clip referenceFor(StudioItem item) {
    Clip own = item.referenceProperty().get();
    return own != null ? own : sessionReference.get();
  }

  public TimelineModel timeline() {
    return timeline;
  }
}
