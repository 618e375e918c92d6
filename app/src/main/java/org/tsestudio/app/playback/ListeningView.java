package org.tsestudio.app.playback;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;

/** The A/B card: M/A/B switch, transport, loop, loudness matching, blind test and tally. */
public final class ListeningView extends Card {
  private final ToggleButton m;
  private final ToggleButton a;
  private final ToggleButton b;

  public ListeningView(ListeningViewModel vm) {
    super("A/B listening", Icons.HEADPHONES);
    getStyleClass().add("listening-card");
    ToggleGroup group = new ToggleGroup();
    m = slotButton(vm, Slot.MIXTURE, group);
    a = slotButton(vm, Slot.A, group);
    b = slotButton(vm, Slot.B, group);
    a.disableProperty().bind(vm.aAvailableProperty().not());
    b.disableProperty().bind(vm.bAvailableProperty().not());
    m.disableProperty().bind(vm.readyProperty().not());
    m.textProperty().set("M  Mixture");
    a.textProperty().bind(Bindings.concat("A  ", vm.labelAProperty()));
    b.textProperty().bind(Bindings.concat("B  ", vm.labelBProperty()));
    HBox slots = new HBox(0, m, a, b);
    slots.getStyleClass().add("segmented");
    for (ToggleButton t : new ToggleButton[] {m, a, b}) {
      HBox.setHgrow(t, Priority.ALWAYS);
      t.setMaxWidth(Double.MAX_VALUE);
    }
    m.getStyleClass().add("first");
    b.getStyleClass().add("last");
    vm.activeProperty().addListener((o, old, slot) -> sync(slot));
    sync(vm.activeProperty().get());

    Button play = Buttons.tool(Icons.PLAY, "Play / pause (Space)", vm::togglePlay);
    vm.playingProperty()
        .addListener((o, was, now) -> play.setGraphic(Icons.icon(now ? Icons.PAUSE : Icons.PLAY)));
    Button stop = Buttons.tool(Icons.STOP, "Stop (back to the selection start)", vm::stop);
    ToggleButton loop = Buttons.toggle(Icons.LOOP, "Loop the selection (L)");
    loop.selectedProperty().bindBidirectional(vm.loopProperty());
    CheckBox match = new CheckBox("Match loudness");
    match.selectedProperty().bindBidirectional(vm.loudnessMatchProperty());
    match.setTooltip(new Tooltip("Gated RMS matching: everything plays at the quietest level"));

    CheckBox blind = new CheckBox("Blind test");
    blind.selectedProperty().bindBidirectional(vm.blindProperty());
    blind.disableProperty().bind(vm.aAvailableProperty().and(vm.bAvailableProperty()).not());
    Button preferX = Buttons.text("Prefer X", null, "X sounds better (1)", () -> vm.prefer(Slot.A));
    Button preferY = Buttons.text("Prefer Y", null, "Y sounds better (2)", () -> vm.prefer(Slot.B));
    preferX.visibleProperty().bind(vm.blindProperty());
    preferY.visibleProperty().bind(vm.blindProperty());
    Label tally = Card.hint("");
    tally.setId("blind-tally");
    tally.textProperty().bind(vm.tallyTextProperty());
    tally.managedProperty().bind(tally.textProperty().isNotEmpty()); // no gap before a blind test
    Label gains = Card.hint("");
    gains.textProperty().bind(vm.gainsTextProperty());
    gains.visibleProperty().bind(vm.blindProperty().not());

    VBox.setMargin(slots, new javafx.geometry.Insets(2, 0, 2, 0));
    getChildren()
        .addAll(
            slots,
            Card.row(play, stop, loop, match),
            Card.row(blind, preferX, preferY),
            tally,
            gains);
  }

  private ToggleButton slotButton(ListeningViewModel vm, Slot slot, ToggleGroup group) {
    ToggleButton t = new ToggleButton();
    t.setToggleGroup(group);
    t.getStyleClass().add("slot-button");
    t.setId("slot-" + slot.key().toLowerCase(java.util.Locale.ROOT));
    t.setTooltip(new Tooltip("Listen to " + slot.label() + " (" + slot.key() + ")"));
    t.setFocusTraversable(false);
    t.setOnAction(
        e -> {
          vm.switchTo(slot);
          sync(vm.activeProperty().get());
        });
    return t;
  }

  private void sync(Slot slot) {
    m.setSelected(slot == Slot.MIXTURE);
    a.setSelected(slot == Slot.A);
    b.setSelected(slot == Slot.B);
  }
}
