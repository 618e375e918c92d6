package org.tsestudio.app;

import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.tsestudio.app.playback.Slot;

/**
 * The keyboard map: one list that both handles keys and feeds the help overlay, so the overlay
 * cannot drift from what the keys do.
 */
public final class Shortcuts {

  /**
   * @param keys as shown in the help overlay
   * @param combos the key combinations that trigger it
   * @param plainKey true for single keys, which are ignored while typing in a text field
   */
  public record Shortcut(
      String group,
      String keys,
      String description,
      List<KeyCombination> combos,
      boolean plainKey,
      Runnable action) {}

  private final List<Shortcut> all;

  Shortcuts(StudioActions a) {
    all =
        List.of(
            plain("Playback", "Space", "Play / pause", a::togglePlay, KeyCode.SPACE),
            plain(
                "Playback",
                "M",
                "Listen to the mixture",
                () -> a.switchTo(Slot.MIXTURE),
                KeyCode.M),
            plain("Playback", "A", "Listen to output A (v7)", () -> a.switchTo(Slot.A), KeyCode.A),
            plain("Playback", "B", "Listen to output B (v8)", () -> a.switchTo(Slot.B), KeyCode.B),
            plain("Playback", "L", "Loop the selection on/off", a::toggleLoop, KeyCode.L),
            plain("Playback", "Home", "Playhead to the start", a::toStart, KeyCode.HOME),
            plain(
                "Playback",
                "1 / 2",
                "Blind test: prefer X / Y",
                () -> a.prefer(Slot.A),
                KeyCode.DIGIT1),
            hidden("Playback", () -> a.prefer(Slot.B), KeyCode.DIGIT2),
            plain(
                "View",
                "+ / −",
                "Zoom in / out",
                a::zoomIn,
                KeyCode.EQUALS,
                KeyCode.PLUS,
                KeyCode.ADD),
            hidden("View", a::zoomOut, KeyCode.MINUS, KeyCode.SUBTRACT),
            plain("View", "F", "Fit the whole file", a::zoomFit, KeyCode.F),
            plain("View", "Z", "Zoom to the selection", a::zoomSelection, KeyCode.Z),
            plain("View", "← / →", "Scroll", () -> a.scroll(-0.2), KeyCode.LEFT),
            hidden("View", () -> a.scroll(0.2), KeyCode.RIGHT),
            plain("View", "V", "Waveform / spectrogram / both", a::cycleDisplay, KeyCode.V),
            plain("View", "Esc", "Clear the selection", a::clearSelection, KeyCode.ESCAPE),
            plain("Work", "R", "Record a reference / stop", a::toggleRecord, KeyCode.R),
            shortcut(
                "Work", "Ctrl+Enter", "Extract the current mixture", a::extract, KeyCode.ENTER),
            shortcut("Work", "Ctrl+O", "Open mixtures or a manifest", a::openFiles, KeyCode.O),
            shortcut("Work", "Ctrl+E", "Export outputs", a::export, KeyCode.E),
            plain("View", "F1 or ?", "This overlay", a::help, KeyCode.F1));
  }

  private static Shortcut plain(
      String group, String keys, String description, Runnable action, KeyCode... codes) {
    return new Shortcut(
        group,
        keys,
        description,
        java.util.Arrays.stream(codes)
            .map(c -> (KeyCombination) new KeyCodeCombination(c, KeyCombination.SHIFT_ANY))
            .toList(),
        true,
        action);
  }

  private static Shortcut hidden(String group, Runnable action, KeyCode... codes) {
    return plain(group, null, null, action, codes);
  }

  private static Shortcut shortcut(
      String group, String keys, String description, Runnable action, KeyCode code) {
    return new Shortcut(
        group,
        keys,
        description,
        List.of(new KeyCodeCombination(code, KeyCombination.SHORTCUT_DOWN)),
        false,
        action);
  }

  /** The entries the help overlay lists. */
  public List<Shortcut> listed() {
    return all.stream().filter(s -> s.keys() != null).toList();
  }

  /** Handles keys for the whole window; {@code onHelp} also answers the typed "?". */
  void install(Scene scene, Consumer<KeyEvent> beforeEach) {
    scene.addEventFilter(
        KeyEvent.KEY_PRESSED,
        e -> {
          beforeEach.accept(e);
          if (e.isConsumed()) {
            return;
          }
          boolean typing = isTyping(scene);
          for (Shortcut s : all) {
            if (s.plainKey() && typing) {
              continue;
            }
            for (KeyCombination c : s.combos()) {
              if (c.match(e)) {
                s.action().run();
                e.consume();
                return;
              }
            }
          }
        });
    scene.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if ("?".equals(e.getCharacter()) && !isTyping(scene)) {
            all.get(all.size() - 1).action().run();
            e.consume();
          }
        });
  }

  private static boolean isTyping(Scene scene) {
    var focus = scene.getFocusOwner();
    return focus instanceof TextInputControl
        || focus instanceof Spinner<?>
        || focus instanceof ComboBoxBase<?>;
  }
}
