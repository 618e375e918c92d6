package org.tsestudio.app.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.tsestudio.engine.TseException;

/**
 * Records mono 16-bit audio from a microphone through javax.sound. The line opens at once so the
 * level meter runs during the count-in; what is captured during the count-in is discarded.
 */
public final class Recorder {
  /** Recordings stop by themselves after this long (a reference is a few seconds). */
  public static final double MAX_SECONDS = 120;

  /** Receives meter readings from the capture thread. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param peakDb peak of the last block in dBFS
     * @param recordedSeconds seconds kept so far (0 during the count-in)
     * @param countdown whole seconds of count-in left, 0 once recording
     */
    void update(double peakDb, double recordedSeconds, int countdown);
  }

  /** Inputs that can capture audio; the system default first. */
  public List<InputDevice> inputDevices() {
    List<InputDevice> devices = new ArrayList<>();
    devices.add(InputDevice.SYSTEM_DEFAULT);
    DataLine.Info want = new DataLine.Info(TargetDataLine.class, format(16000));
    for (Mixer.Info info : AudioSystem.getMixerInfo()) {
      try {
        if (AudioSystem.getMixer(info).isLineSupported(want)) {
          devices.add(new InputDevice(info.getName(), info));
        }
      } catch (RuntimeException e) {
        // A mixer that fails to describe itself is simply not offered.
      }
    }
    return devices;
  }

  static AudioFormat format(int sampleRate) {
    return new AudioFormat(sampleRate, 16, 1, true, false);
  }

  /**
   * Captures until {@code stopRequested} turns true (or {@link #MAX_SECONDS}); blocks, so run it in
   * the background.
   *
   * @return the samples recorded after the count-in
   */
  public float[] record(
      InputDevice device,
      int sampleRate,
      double countInSeconds,
      java.util.function.BooleanSupplier stopRequested,
      Listener listener)
      throws TseException {
    AudioFormat format = format(sampleRate);
    TargetDataLine line;
    try {
      line =
          device.mixer() == null
              ? AudioSystem.getTargetDataLine(format)
              : AudioSystem.getTargetDataLine(format, device.mixer());
      line.open(format, sampleRate / 10 * 2);
    } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
      throw new TseException(
          device.name() + ": cannot open the microphone (" + e.getMessage() + ")", e);
    }
    try {
      line.start();
      return capture(line, sampleRate, countInSeconds, stopRequested, listener);
    } finally {
      line.stop();
      line.close();
    }
  }

  private static float[] capture(
      TargetDataLine line,
      int sampleRate,
      double countInSeconds,
      java.util.function.BooleanSupplier stopRequested,
      Listener listener) {
    int block = sampleRate / 50;
    byte[] bytes = new byte[block * 2];
    float[] samples = new float[sampleRate * 4];
    float[] chunk = new float[block];
    long countInFrames = Math.round(countInSeconds * sampleRate);
    long maxFrames = Math.round(MAX_SECONDS * sampleRate);
    long seen = 0;
    int kept = 0;
    long started = System.nanoTime();
    while (!stopRequested.getAsBoolean() && kept < maxFrames) {
      int n = line.read(bytes, 0, bytes.length) / 2;
      if (n <= 0) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        continue;
      }
      for (int i = 0; i < n; i++) {
        chunk[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8)) / 32768f;
      }
      for (int i = 0; i < n; i++, seen++) {
        if (seen >= countInFrames) {
          if (kept == samples.length) {
            samples = Arrays.copyOf(samples, samples.length * 2);
          }
          samples[kept++] = chunk[i];
        }
      }
      // Some drivers (ALSA's null device) return at once; never run ahead of real time.
      long due = started + seen * 1_000_000_000L / sampleRate;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        try {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      int countdown =
          seen < countInFrames ? (int) Math.ceil((countInFrames - seen) / (double) sampleRate) : 0;
      listener.update(SilenceTrim.peakDb(chunk, 0, n), kept / (double) sampleRate, countdown);
    }
    return Arrays.copyOf(samples, kept);
  }
}
