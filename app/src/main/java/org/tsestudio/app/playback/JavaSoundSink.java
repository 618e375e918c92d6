package org.tsestudio.app.playback;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * One javax.sound {@link SourceDataLine}, 16-bit stereo. Opened at the material's rate when the
 * device takes it, else at 48 kHz with linear interpolation in between (good enough for monitoring,
 * and it keeps every source on one line so switches stay sample-aligned).
 */
public final class JavaSoundSink implements AudioSink {
  private static final int[] FALLBACK_RATES = {48000, 44100};
  private static final double BUFFER_SECONDS = 0.06;

  private final int sourceRate;
  private final SourceDataLine line;
  private final int deviceRate;
  private final double step;
  private double phase;
  private float previous;
  private byte[] bytes = new byte[0];

  private JavaSoundSink(int sourceRate, SourceDataLine line, int deviceRate) {
    this.sourceRate = sourceRate;
    this.line = line;
    this.deviceRate = deviceRate;
    this.step = sourceRate / (double) deviceRate;
  }

  /** Opens the default output line; throws when the machine has none. */
  public static JavaSoundSink open(int sourceRate) throws LineUnavailableException {
    LineUnavailableException last = null;
    int[] rates = new int[FALLBACK_RATES.length + 1];
    rates[0] = sourceRate;
    System.arraycopy(FALLBACK_RATES, 0, rates, 1, FALLBACK_RATES.length);
    for (int rate : rates) {
      AudioFormat format = new AudioFormat(rate, 16, 2, true, false);
      try {
        SourceDataLine line = AudioSystem.getSourceDataLine(format);
        int bufferBytes = (int) (rate * BUFFER_SECONDS) * format.getFrameSize();
        line.open(format, bufferBytes);
        line.start();
        return new JavaSoundSink(sourceRate, line, rate);
      } catch (LineUnavailableException e) {
        last = e;
      } catch (IllegalArgumentException e) {
        last = new LineUnavailableException("no output line: " + e.getMessage());
      }
    }
    throw last;
  }

  @Override
  public int sampleRate() {
    return sourceRate;
  }

  @Override
  public void write(float[] mono, int frames) {
    int outFrames = deviceRate == sourceRate ? frames : (int) Math.ceil(frames / step) + 2;
    if (bytes.length < outFrames * 4) {
      bytes = new byte[outFrames * 4];
    }
    int n = 0;
    if (deviceRate == sourceRate) {
      for (int i = 0; i < frames; i++) {
        n = put(mono[i], n);
      }
    } else {
      // Streaming linear interpolation between the last sample of the previous block and this one.
      while (phase < frames) {
        int k = (int) Math.floor(phase);
        double a = phase - k;
        float s0 = k == 0 ? previous : mono[k - 1];
        float s1 = mono[k];
        n = put((float) (s0 + a * (s1 - s0)), n);
        phase += step;
      }
      phase -= frames;
      previous = mono[frames - 1];
    }
    line.write(bytes, 0, n);
  }

  private int put(float v, int at) {
    int s = Math.round(Math.max(-1f, Math.min(1f, v)) * 32767f);
    byte lo = (byte) s;
    byte hi = (byte) (s >> 8);
    bytes[at] = lo;
    bytes[at + 1] = hi;
    bytes[at + 2] = lo;
    bytes[at + 3] = hi;
    return at + 4;
  }

  @Override
  public int latencyFrames() {
    int queuedBytes = Math.max(0, line.getBufferSize() - line.available());
    return (int) Math.round(queuedBytes / 4.0 * step);
  }

  @Override
  public void drain() {
    line.drain();
  }

  @Override
  public void flush() {
    line.flush();
  }

  @Override
  public String description() {
    return "default output, " + deviceRate + " Hz";
  }

  @Override
  public void close() {
    line.stop();
    line.close();
  }
}
