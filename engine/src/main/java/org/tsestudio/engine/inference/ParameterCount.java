package org.tsestudio.engine.inference;

import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Counts a loaded model's weights, to check them against the model card. */
final class ParameterCount {

  private ParameterCount() {}

  static long of(Model model) {
    long total = 0;
    for (Pair<String, Parameter> parameter : model.getBlock().getParameters()) {
      total += parameter.getValue().getArray().size();
    }
    return total;
  }
}
