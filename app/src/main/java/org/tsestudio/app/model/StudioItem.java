package org.tsestudio.app.model;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * One mixture in the queue with everything known about it: the mixture, its reference, the ground
 * truth when a manifest or example gave one, and the extracted outputs per model. Files named by a
 * manifest are loaded lazily (a queue of long mixtures would not fit in memory otherwise). Touched
 * on the UI thread only.
 */
public final class StudioItem {
  private final String name;
  private final Path mixturePath;
  private final Path referencePath;
  private final Path targetPath;
  private final ObjectProperty<Clip> mixture = new SimpleObjectProperty<>(this, "mixture");
  private final ObjectProperty<Clip> reference = new SimpleObjectProperty<>(this, "reference");
  private final ObjectProperty<Clip> target = new SimpleObjectProperty<>(this, "target");
  private final ObservableMap<String, Clip> outputs = FXCollections.observableHashMap();
  private final ReadOnlyObjectWrapper<ItemStatus> status =
      new ReadOnlyObjectWrapper<>(this, "status", ItemStatus.NEW);
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");

  /**
   * @param name shown in the queue
   * @param mixturePath the mixture file
   * @param referencePath the reference file from a manifest, or null
   * @param targetPath the ground-truth target from a manifest, or null
   */
  public StudioItem(String name, Path mixturePath, Path referencePath, Path targetPath) {
    this.name = Objects.requireNonNull(name);
    this.mixturePath = Objects.requireNonNull(mixturePath);
    this.referencePath = referencePath;
    this.targetPath = targetPath;
  }

  public static StudioItem forMixture(Path mixture) {
    return new StudioItem(mixture.getFileName().toString(), mixture, null, null);
  }

  public String name() {
    return name;
  }

  public Path mixturePath() {
    return mixturePath;
  }

  public Path referencePath() {
    return referencePath;
  }

  public Path targetPath() {
    return targetPath;
  }

  /** True once every file the item names is in memory. */
  public boolean isLoaded() {
    return mixture.get() != null
        && (referencePath == null || reference.get() != null)
        && (targetPath == null || target.get() != null);
  }

  public ObjectProperty<Clip> mixtureProperty() {
    return mixture;
  }

  public ObjectProperty<Clip> referenceProperty() {
    return reference;
  }

  public ObjectProperty<Clip> targetProperty() {
    return target;
  }

  public ObservableMap<String, Clip> outputs() {
    return outputs;
  }

  public ReadOnlyObjectProperty<ItemStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ItemStatus status() {
    return status.get();
  }

  /** Records progress of the extraction of this item. */
  public void setState(ItemStatus newStatus, double fraction, String text) {
    status.set(newStatus);
    progress.set(fraction);
    message.set(text == null ? "" : text);
  }

  @Override
  public String toString() {
    return name;
  }
}
