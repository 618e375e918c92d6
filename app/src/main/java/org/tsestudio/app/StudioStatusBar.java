package org.tsestudio.app;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tsestudio.app.timeline.Selection;
import org.tsestudio.app.ui.TimeFormat;

/** Messages on the left; selection, playback output and extraction device on the right. */
final class StudioStatusBar extends HBox {

  StudioStatusBar(StudioViewModel vm) {
    super(10);
    getStyleClass().add("status-bar");
    setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    Label message = new Label();
    message.setId("status-message");
    message.textProperty().bind(vm.statusProperty());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(12, 12);
    busy.visibleProperty().bind(vm.loadingProperty());
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var timeline = vm.session().timeline();
    Label selection = new Label();
    selection.getStyleClass().add("mono");
    selection
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Selection s = timeline.selection();
                  return s == null
                      ? "No selection"
                      : "Selection "
                          + TimeFormat.format(s.start())
                          + " – "
                          + TimeFormat.format(s.end())
                          + "  ("
                          + String.format(java.util.Locale.ROOT, "%.3f s", s.length())
                          + ")";
                },
                timeline.selectionProperty()));
    Label output = new Label();
    output
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  String o = vm.listening().outputProperty().get();
                  return o == null || o.isEmpty() ? "Output: default" : "Output: " + o;
                },
                vm.listening().outputProperty()));
    Label device = new Label();
    var x = vm.extraction();
    device
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  String used = x.deviceInUseProperty().get();
                  return "Extraction: "
                      + x.deviceProperty().get()
                      + (used.isEmpty() ? "" : " · ran on " + used);
                },
                x.deviceProperty(),
                x.deviceInUseProperty()));
    getChildren()
        .addAll(
            busy,
            message,
            spacer,
            selection,
            new Separator(Orientation.VERTICAL),
            output,
            new Separator(Orientation.VERTICAL),
            device);
  }
}
