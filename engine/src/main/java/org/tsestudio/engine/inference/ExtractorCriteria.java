package org.tsestudio.engine.inference;

import java.nio.file.Path;
import java.util.Objects;
import org.tsestudio.engine.TseException;

/**
 * What to load, in DJL's {@code Criteria} style: {@code set*} for what is required, {@code opt*}
 * for the rest.
 *
 * <pre>{@code
 * ExtractorCriteria criteria = ExtractorCriteria.builder().setModel("v8").optDevice(DeviceChoice.AUTO).build();
 * try (TseModel model = criteria.loadModel()) {
 *   ExtractionResult result = model.newExtractor().extract(ExtractionRequest.of(mixture, reference));
 * }
 * }</pre>
 */
public final class ExtractorCriteria {

  private final String model;
  private final DeviceChoice device;
  private final double maxChunkSeconds;
  private final double overlapSeconds;

  private ExtractorCriteria(Builder builder) {
    this.model = builder.model;
    this.device = builder.device;
    this.maxChunkSeconds = builder.maxChunkSeconds;
    this.overlapSeconds = builder.overlapSeconds;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** {@code v7}, {@code v8} or a path to a model card or TorchScript file. */
  public String model() {
    return model;
  }

  public DeviceChoice device() {
    return device;
  }

  /** The longest chunk in seconds, or 0 to size chunks from the available memory. */
  public double maxChunkSeconds() {
    return maxChunkSeconds;
  }

  /** The overlap of neighbouring chunks, cross-faded, in seconds. */
  public double overlapSeconds() {
    return overlapSeconds;
  }

  /** Finds, verifies and loads the model (or shares one already loaded). */
  public TseModel loadModel() throws TseException {
    return TseModel.load(this);
  }

  /** Builds criteria; {@link #setModel} is required. */
  public static final class Builder {
    private String model;
    private DeviceChoice device = DeviceChoice.AUTO;
    private double maxChunkSeconds;
    private double overlapSeconds = 2.0;

    private Builder() {}

    /** An embedded model ({@code v7}, {@code v8}) or a path to a card or TorchScript file. */
    public Builder setModel(String model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    public Builder setModel(Path model) {
      return setModel(model.toString());
    }

    public Builder optDevice(DeviceChoice device) {
      this.device = Objects.requireNonNull(device, "device");
      return this;
    }

    /** Caps the chunk length (for progress granularity or tests); 0 sizes chunks from memory. */
    public Builder optMaxChunkSeconds(double seconds) {
      if (seconds < 0 || Double.isNaN(seconds)) {
        throw new IllegalArgumentException("chunk length must be 0 (automatic) or positive");
      }
      this.maxChunkSeconds = seconds;
      return this;
    }

    /** The cross-faded overlap of neighbouring chunks (default 2 s). */
    public Builder optOverlapSeconds(double seconds) {
      if (!(seconds > 0)) {
        throw new IllegalArgumentException("overlap must be positive");
      }
      this.overlapSeconds = seconds;
      return this;
    }

    public ExtractorCriteria build() {
      if (model == null || model.isBlank()) {
        throw new IllegalStateException("setModel(...) is required");
      }
      return new ExtractorCriteria(this);
    }
  }
}
