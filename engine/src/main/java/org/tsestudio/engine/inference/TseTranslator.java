package org.tsestudio.engine.inference;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;

/**
 * The audio-to-tensor glue for every exported model: {@code forward(mixture [1, T], reference [1,
 * R]) -> estimate [1, T]} (docs/INTERFACES.md). Shapes and the output's length and finiteness are
 * checked here so that a model with the wrong signature fails with a clear message.
 */
final class TseTranslator implements NoBatchifyTranslator<TseInput, float[]> {

  private static final String LENGTH = "mixture-length";

  @Override
  public NDList processInput(TranslatorContext ctx, TseInput input) {
    NDManager manager = ctx.getNDManager();
    NDArray mixture = manager.create(input.mixture(), new Shape(1, input.mixture().length));
    NDArray reference = manager.create(input.reference(), new Shape(1, input.reference().length));
    ctx.setAttachment(LENGTH, input.mixture().length);
    return new NDList(mixture, reference);
  }

  @Override
  public float[] processOutput(TranslatorContext ctx, NDList list) {
    NDArray output = list.singletonOrThrow();
    int expected = (int) ctx.getAttachment(LENGTH);
    Shape shape = output.getShape();
    if (shape.size() != expected
        || shape.dimension() > 2
        || (shape.dimension() == 2 && shape.get(0) != 1)) {
      throw new IllegalStateException(
          "the model returned shape " + shape + " for a mixture of " + expected + " samples");
    }
    float[] samples = output.toType(DataType.FLOAT32, false).toFloatArray();
    for (float sample : samples) {
      if (!Float.isFinite(sample)) {
        throw new IllegalStateException("the model returned NaN or infinite samples");
      }
    }
    return samples;
  }
}
