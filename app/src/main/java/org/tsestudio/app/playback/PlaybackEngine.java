package org.tsestudio.app.playback;

import java.util.function.Consumer;

/**
 * Plays an {@link AbRenderer} through one {@link AudioSink} on a dedicated audio thread. The thread
 * paces itself against the wall clock as well as the device, so a sink that swallows data instantly
 * (ALSA's null device, or no device at all) still plays in real time.
 */
public final class PlaybackEngine implements AutoCloseable {
  private static final int BLOCK = 256;
  private static final int MARKERS = 256;

  private final AudioSink.Factory sinkFactory;
  private final Object lock = new Object();
  private final Thread thread;
  private final long[] markerOut = new long[MARKERS];
  private final long[] markerPos = new long[MARKERS];

  private AbRenderer renderer;
  private int sampleRate = 16000;
  private AudioSink sink;
  private String outputDescription = "default device";
  private Consumer<String> onProblem = message -> {};
  private Runnable onStopped = () -> {};
  private volatile boolean closed;
  private long framesOut;
  private int markerCount;
  private long clockStart;
  private long clockFrames;

  public PlaybackEngine(AudioSink.Factory sinkFactory) {
    this.sinkFactory = sinkFactory;
    thread = new Thread(this::loop, "tse-playback");
    thread.setDaemon(true);
    thread.setPriority(Thread.MAX_PRIORITY);
    thread.start();
  }

  /** The usual factory: the default sound card line, or a silent sink saying why there is none. */
  public static AudioSink.Factory defaultSinks() {
    return rate -> {
      try {
        return JavaSoundSink.open(rate);
      } catch (Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new SilentSink(rate, why.length() > 60 ? "no line for this format" : why);
      }
    };
  }

  /** Called (on the audio thread) when the sink could not be opened. */
  public void setOnProblem(Consumer<String> handler) {
    onProblem = handler;
  }

  /** Called (on the audio thread) when playback reached the end of the material. */
  public void setOnStopped(Runnable handler) {
    onStopped = handler;
  }

  /** Replaces what is played; playback stops. */
  public void load(AbRenderer newRenderer, int rate) {
    synchronized (lock) {
      if (renderer != null) {
        renderer.pause();
      }
      renderer = newRenderer;
      sampleRate = rate;
      markerCount = 0;
      lock.notifyAll();
    }
  }

  public AbRenderer renderer() {
    synchronized (lock) {
      return renderer;
    }
  }

  public int sampleRate() {
    synchronized (lock) {
      return sampleRate;
    }
  }

  public void play() {
    synchronized (lock) {
      if (renderer != null) {
        renderer.start();
        lock.notifyAll();
      }
    }
  }

  public void pause() {
    AbRenderer r = renderer();
    if (r != null) {
      r.pause();
    }
  }

  public boolean isPlaying() {
    AbRenderer r = renderer();
    return r != null && r.isRunning();
  }

  /** The position being heard now, in seconds (the render position minus device latency). */
  public double positionSeconds() {
    synchronized (lock) {
      if (renderer == null) {
        return 0;
      }
      if (!renderer.isRunning() || markerCount == 0) {
        return renderer.position() / (double) sampleRate;
      }
      long heard = framesOut - (sink == null ? 0 : sink.latencyFrames());
      for (int k = 0; k < Math.min(markerCount, MARKERS); k++) {
        int i = Math.floorMod(markerCount - 1 - k, MARKERS);
        if (markerOut[i] <= heard) {
          return (markerPos[i] + (heard - markerOut[i])) / (double) sampleRate;
        }
      }
      return markerPos[Math.floorMod(markerCount - Math.min(markerCount, MARKERS), MARKERS)]
          / (double) sampleRate;
    }
  }

  public String outputDescription() {
    synchronized (lock) {
      return outputDescription;
    }
  }

  private void loop() {
    float[] block = new float[BLOCK];
    while (!closed) {
      AbRenderer r;
      AudioSink s;
      synchronized (lock) {
        while (!closed && (renderer == null || !renderer.isAudible())) {
          idle();
        }
        if (closed) {
          return;
        }
        r = renderer;
        s = ensureSink();
        long pos = r.position();
        markerOut[markerCount % MARKERS] = framesOut;
        markerPos[markerCount % MARKERS] = pos;
        markerCount++;
      }
      int n = r.render(block, BLOCK);
      if (n == AbRenderer.STOPPED) {
        finishRun(r);
        continue;
      }
      s.write(block, BLOCK);
      synchronized (lock) {
        framesOut += BLOCK;
        clockFrames += BLOCK;
      }
      pace(s);
      if (!r.isAudible()) {
        finishRun(r);
      }
    }
  }

  private void idle() {
    clockStart = 0;
    try {
      lock.wait();
    } catch (InterruptedException e) {
      closed = true;
    }
  }

  private AudioSink ensureSink() {
    if (sink == null || sink.sampleRate() != sampleRate) {
      if (sink != null) {
        sink.close();
      }
      try {
        sink = sinkFactory.open(sampleRate);
      } catch (Exception e) {
        sink = new SilentSink(sampleRate, String.valueOf(e.getMessage()));
      }
      outputDescription = sink.description();
      if (sink instanceof SilentSink) {
        onProblem.accept(outputDescription);
      }
      clockStart = 0;
    }
    if (clockStart == 0) {
      clockStart = System.nanoTime();
      clockFrames = 0;
    }
    return sink;
  }

  /** Sleeps while more than the device buffer plus one block is ahead of the wall clock. */
  private void pace(AudioSink s) {
    long lead = s.latencyFrames() + 2L * BLOCK;
    long aheadNanos;
    synchronized (lock) {
      double elapsed = (System.nanoTime() - clockStart) / 1e9;
      aheadNanos = (long) (((clockFrames - lead) / (double) sampleRate - elapsed) * 1e9);
    }
    if (aheadNanos > 0) {
      try {
        Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
      } catch (InterruptedException e) {
        closed = true;
      }
    }
  }

  private void finishRun(AbRenderer r) {
    AudioSink s;
    synchronized (lock) {
      s = sink;
      clockStart = 0;
    }
    if (s != null) {
      s.drain();
    }
    if (r.position() >= r.length()) {
      onStopped.run();
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
      lock.notifyAll();
    }
    thread.interrupt();
    synchronized (lock) {
      if (sink != null) {
        sink.close();
        sink = null;
      }
    }
  }
}
