package org.tsestudio.app.spectrogram;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.tsestudio.app.tracks.RenderQueue;

/**
 * Draws the spectrogram of one lane from tiles computed on the {@link RenderQueue}. The UI thread
 * only draws cached images: a missing tile is requested and, meanwhile, covered by any coarser tile
 * already cached, so scrolling and zooming never wait for an FFT.
 */
public final class SpectrogramPainter {
  private static final int MAX_TILES = 160;
  private static final int FALLBACK_LEVELS = 4;

  private final SpectrogramAnalysis analysis;
  private final RenderQueue queue;
  private final Runnable repaint;
  private final Map<Long, WritableImage> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, WritableImage> eldest) {
          return size() > MAX_TILES;
        }
      };
  private final Set<Long> pending = ConcurrentHashMap.newKeySet();
  private volatile Set<Long> wanted = Set.of();
  private ColourMap colours;
  private volatile boolean disposed;

  /**
   * @param repaint asks the lane to draw again (called on the UI thread when a tile arrives)
   */
  public SpectrogramPainter(
      SpectrogramAnalysis analysis, ColourMap colours, RenderQueue queue, Runnable repaint) {
    this.analysis = analysis;
    this.colours = colours;
    this.queue = queue;
    this.repaint = repaint;
  }

  public SpectrogramAnalysis analysis() {
    return analysis;
  }

  /** Changes colours: cached tiles are recomputed as they are needed. */
  public void setColourMap(ColourMap map) {
    if (map != colours) {
      colours = map;
      cache.clear();
      pending.clear();
    }
  }

  public void dispose() {
    disposed = true;
    cache.clear();
  }

  /** Number of tiles in the cache (benchmarks and tests). */
  public int cachedTiles() {
    return cache.size();
  }

  public void paint(
      GraphicsContext g,
      double startSeconds,
      double spanSeconds,
      double x,
      double y,
      double width,
      double height) {
    if (width < 1 || height < 1) {
      return;
    }
    double samplesPerPixel = spanSeconds * analysis.sampleRate() / width;
    int level = analysis.levelFor(samplesPerPixel);
    Set<Long> nowWanted = new HashSet<>();
    g.setImageSmoothing(true);
    for (int l = Math.min(analysis.levels() - 1, level + FALLBACK_LEVELS); l > level; l--) {
      drawLevel(g, l, startSeconds, spanSeconds, x, y, width, height, null);
    }
    drawLevel(g, level, startSeconds, spanSeconds, x, y, width, height, nowWanted);
    wanted = nowWanted;
    for (long key : nowWanted) {
      requestTile(level, (int) (key & 0xffffffffL), key);
    }
  }

  private void drawLevel(
      GraphicsContext g,
      int level,
      double start,
      double span,
      double x,
      double y,
      double width,
      double height,
      Set<Long> request) {
    double hopSeconds = analysis.hop(level) / (double) analysis.sampleRate();
    double tileSeconds = hopSeconds * SpectrogramAnalysis.TILE_FRAMES;
    int firstTile = (int) Math.max(0, Math.floor((start + hopSeconds / 2) / tileSeconds));
    int lastTile =
        Math.min(analysis.tileCount(level) - 1, (int) Math.floor((start + span) / tileSeconds));
    for (int t = firstTile; t <= lastTile; t++) {
      long key = key(level, t);
      WritableImage image = cache.get(key);
      if (image != null) {
        double t0 = t * tileSeconds - hopSeconds / 2;
        double px0 = x + (t0 - start) / span * width;
        double pw = image.getWidth() * hopSeconds / span * width;
        g.drawImage(image, px0, y, pw, height);
      } else if (request != null) {
        request.add(key);
      }
    }
  }

  private void requestTile(int level, int index, long key) {
    if (!pending.add(key)) {
      return;
    }
    ColourMap map = colours;
    queue.submit(
        () -> {
          int[] pixels = colourise(analysis.tile(level, index), map);
          int w = pixels.length / analysis.rows();
          Platform.runLater(() -> deliver(key, map, pixels, w));
        },
        () -> stillWanted(key));
  }

  private boolean stillWanted(long key) {
    if (!disposed && wanted.contains(key)) {
      return true;
    }
    pending.remove(key);
    return false;
  }

  private void deliver(long key, ColourMap map, int[] pixels, int w) {
    pending.remove(key);
    if (disposed || map != colours || w == 0) {
      return;
    }
    int h = analysis.rows();
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pixels, 0, w);
    cache.put(key, image);
    repaint.run();
  }

  /** dB rows to an image: time left to right, low frequencies at the bottom. */
  int[] colourise(float[][] frames, ColourMap map) {
    int rows = analysis.rows();
    int w = frames.length;
    int[] pixels = new int[w * rows];
    double top = analysis.topDb();
    double floor = top - SpectrogramAnalysis.RANGE_DB;
    for (int f = 0; f < w; f++) {
      float[] r = frames[f];
      for (int k = 0; k < rows; k++) {
        double level = (r[k] - floor) / SpectrogramAnalysis.RANGE_DB;
        pixels[(rows - 1 - k) * w + f] = map.argb(level);
      }
    }
    return pixels;
  }

  private static long key(int level, int index) {
    return ((long) level << 40) | index;
  }
}
