package org.tsestudio.app.tour;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.tsestudio.app.StudioApp;
import org.tsestudio.app.model.ItemStatus;
import org.tsestudio.app.model.StudioItem;

/**
 * Drives the real workstation into the states shown in docs/screenshot.png and
 * docs/screenshot-training.png, for docs/screenshots.sh (which runs it under Xvfb and grabs the
 * screen). It reads commands on stdin and answers "READY name" on stdout when the window shows:
 *
 * <ul>
 *   <li>{@code studio MANIFEST}: open the example, extract it with v7 and v8, select a region;
 *   <li>{@code training METRICS_LOG}: show the training page with a run's curves;
 *   <li>{@code quit}.
 * </ul>
 *
 * Arguments: the window width and height.
 */
public final class ScreenshotTour {
  private static double width = 1600;
  private static double height = 1000;

  private ScreenshotTour() {}

  public static void main(String[] args) {
    if (args.length == 2) {
      width = Double.parseDouble(args[0]);
      height = Double.parseDouble(args[1]);
    }
    // The main class itself must not be an Application: the java launcher would then insist on
    // JavaFX modules on the module path.
    Application.launch(App.class);
  }

  /** The workstation, driven by the commands. */
  public static final class App extends StudioApp {
    private Stage stage;

    @Override
    public void start(Stage primaryStage) {
      stage = primaryStage;
      super.start(primaryStage);
      stage.setX(0);
      stage.setY(0);
      stage.setWidth(width);
      stage.setHeight(height);
      Thread commands = new Thread(this::readCommands, "tour-commands");
      commands.setDaemon(true);
      commands.start();
    }

    private void readCommands() {
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          String[] parts = line.strip().split("\\s+", 2);
          switch (parts[0]) {
            case "studio" -> studio(Path.of(parts[1]));
            case "training" -> training(Path.of(parts[1]));
            case "quit" -> {
              Platform.runLater(Platform::exit);
              return;
            }
            default -> System.err.println("tour: unknown command " + line);
          }
        }
      } catch (Exception e) {
        System.err.println("tour: " + e);
        Platform.runLater(Platform::exit);
      }
    }

    private void studio(Path manifest) throws Exception {
      fx(() -> viewModel().open(List.of(manifest)));
      waitFor(() -> current() != null && current().isLoaded());
      fx(
          () -> {
            viewModel().extraction().models().forEach(t -> t.chosenProperty().set(true));
            viewModel().extraction().extractCurrent();
          });
      waitFor(() -> current().statusProperty().get() == ItemStatus.DONE);
      waitFor(() -> !viewModel().metrics().rows().isEmpty());
      fx(
          () -> {
            viewModel().session().timeline().select(1.40, 3.12);
            viewModel().listening().seek(1.65);
          });
      settle();
      System.out.println("READY studio");
    }

    private void training(Path metricsLog) throws Exception {
      fx(
          () -> {
            view().pages().getSelectionModel().select(1);
            training().openMetricsLog(metricsLog);
          });
      waitFor(() -> !training().curves().isEmpty());
      settle();
      System.out.println("READY training");
    }

    private StudioItem current() {
      return viewModel().session().current();
    }

    /** Lets the render queue and the animation timer finish drawing. */
    private static void settle() throws Exception {
      Thread.sleep(2500);
      fx(() -> {});
    }

    private static void fx(Runnable action) throws Exception {
      java.util.concurrent.FutureTask<Void> task =
          new java.util.concurrent.FutureTask<>(action, null);
      Platform.runLater(task);
      task.get();
    }

    private interface Condition {
      boolean holds() throws Exception;
    }

    private static void waitFor(Condition condition) throws Exception {
      long deadline = System.nanoTime() + 180_000_000_000L;
      while (System.nanoTime() < deadline) {
        boolean[] ok = new boolean[1];
        fx(
            () -> {
              try {
                ok[0] = condition.holds();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
        if (ok[0]) {
          return;
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("tour: timed out");
    }
  }
}
