package org.tsestudio.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.tsestudio.app.model.ItemStatus;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Icons;

/** The queue of mixtures on the left: name, status and progress; selecting one shows it. */
final class StudioQueueView extends VBox {

  StudioQueueView(StudioViewModel vm, Runnable openFiles) {
    getStyleClass().add("queue-view");
    Label title = new Label();
    title.getStyleClass().add("panel-title");
    title
        .textProperty()
        .bind(Bindings.concat("QUEUE  ", Bindings.size(vm.session().queue()).asString()));
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    var add = Buttons.tool(Icons.OPEN, "Add mixtures (Ctrl+O)", openFiles);
    add.getStyleClass().add("small");
    HBox header = new HBox(6, title, spacer, add);
    header.getStyleClass().add("panel-header");
    header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

    ListView<StudioItem> list = new ListView<>(vm.session().queue());
    list.setId("queue-list");
    list.setPlaceholder(new Label("No mixtures yet"));
    list.setCellFactory(v -> new ItemCell(vm));
    list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> vm.select(item));
    vm.session()
        .currentProperty()
        .addListener((o, a, item) -> list.getSelectionModel().select(item));
    VBox.setVgrow(list, Priority.ALWAYS);
    getChildren().addAll(header, list);
  }

  private static final class ItemCell extends ListCell<StudioItem> {
    private final Label name = new Label();
    private final Label status = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final VBox box = new VBox(3, name, new HBox(6, status, progress));

    ItemCell(StudioViewModel vm) {
      name.getStyleClass().add("queue-name");
      status.getStyleClass().add("queue-status");
      progress.setPrefWidth(70);
      progress.setPrefHeight(6);
      progress.getStyleClass().add("thin");
      MenuItem remove = new MenuItem("Remove from queue");
      remove.setOnAction(e -> vm.remove(getItem()));
      setContextMenu(new ContextMenu(remove));
    }

    @Override
    protected void updateItem(StudioItem item, boolean empty) {
      super.updateItem(item, empty);
      name.textProperty().unbind();
      status.textProperty().unbind();
      progress.progressProperty().unbind();
      progress.visibleProperty().unbind();
      if (empty || item == null) {
        setGraphic(null);
        return;
      }
      name.setText(item.name());
      status
          .textProperty()
          .bind(
              Bindings.createStringBinding(
                  () -> {
                    String msg = item.messageProperty().get();
                    String label = item.statusProperty().get().label();
                    return item.statusProperty().get() == ItemStatus.FAILED || msg.isEmpty()
                        ? label + (msg.isEmpty() ? "" : ": " + msg)
                        : label + " · " + msg;
                  },
                  item.statusProperty(),
                  item.messageProperty()));
      progress.progressProperty().bind(item.progressProperty());
      progress.visibleProperty().bind(item.statusProperty().isEqualTo(ItemStatus.RUNNING));
      setGraphic(box);
    }
  }
}
