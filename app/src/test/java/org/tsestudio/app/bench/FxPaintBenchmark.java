package org.tsestudio.app.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tsestudio.app.model.AudioLoader;
import org.tsestudio.app.model.Session;
import org.tsestudio.app.model.StudioItem;
import org.tsestudio.app.tracks.RenderQueue;
import org.tsestudio.app.tracks.TrackLane;
import org.tsestudio.app.tracks.TracksView;
import org.tsestudio.app.tracks.TracksViewModel;

/**
 * UI-thread cost of the real track view on a long file: one full repaint (waveform + spectrogram of
 * every lane) per scroll or zoom step, measured on the JavaFX thread (software pipeline, as on
 * Monocle or a machine without GPU). Run with the test class path and the Monocle properties (see
 * app/pom.xml), argument: a WAV file.
 */
public final class FxPaintBenchmark {
  private FxPaintBenchmark() {}

  public static void main(String[] args) throws Exception {
    var clip = new AudioLoader().load(Path.of(args[0]), "Mixture");
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    Session session = new Session();
    RenderQueue queue = new RenderQueue(1);
    TracksView[] view = new TracksView[1];
    fx(
        () -> {
          TracksViewModel vm = new TracksViewModel(session, List.of("v7", "v8"));
          StudioItem item = StudioItem.forMixture(Path.of(args[0]));
          item.mixtureProperty().set(clip);
          item.referenceProperty().set(clip.slice("Reference", 10, 15));
          session.addAll(List.of(item));
          session.setCurrent(item);
          view[0] = new TracksView(vm, queue);
          Stage stage = new Stage();
          stage.setScene(new Scene(view[0], 1400, 700));
          stage.show();
          return null;
        });
    while (!fx(() -> view[0].lanes().stream().allMatch(TrackLane::isWaveformDrawn))) {
      Thread.sleep(50);
    }
    var timeline = session.timeline();
    System.out.printf(
        Locale.ROOT,
        "%s: %.1f s, 2 lanes, 1400x700 px, waveform + log-mel%n",
        args[0],
        timeline.duration());
    for (double span : new double[] {timeline.duration(), 60, 5}) {
      fx(
          () -> {
            timeline.setView(0, span);
            view[0].paintNow();
            return null;
          });
      Thread.sleep(1500); // let the render queue fill the tile cache for this zoom
      int steps = 60;
      long total = 0;
      long worst = 0;
      for (int i = 0; i < steps; i++) {
        double start = (i % 30) * span * 0.02;
        // At full span nothing scrolls: alternate a hair of zoom so every step repaints.
        double width = span * (1 - 0.001 * (i % 2));
        long t =
            fx(
                () -> {
                  long t0 = System.nanoTime();
                  timeline.setView(start, width);
                  view[0].paintNow();
                  return System.nanoTime() - t0;
                });
        total += t;
        worst = Math.max(worst, t);
      }
      System.out.printf(
          Locale.ROOT,
          "span %6.1f s: repaint per scroll step %.2f ms mean, %.2f ms worst (UI thread)%n",
          span,
          total / 1e6 / steps,
          worst / 1e6);
    }
    queue.close();
    Platform.exit();
  }

  private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
    FutureTask<T> task = new FutureTask<>(work);
    Platform.runLater(task);
    return task.get();
  }
}
