package org.tsestudio.engine.archfixture;

import javafx.archfixture.FxStandIn;
import org.tsestudio.app.AppStandIn;
import org.tsestudio.cli.CliStandIn;
import org.tsestudio.training.TrainingStandIn;

/**
 * Test-only engine class that breaks every layering rule on purpose, for {@code
 * EngineArchitectureRulesTest}. Never part of the engine jar.
 */
public final class LayeringViolations {
  FxStandIn fx = new FxStandIn();
  AppStandIn app = new AppStandIn();
  CliStandIn cli = new CliStandIn();
  TrainingStandIn training = new TrainingStandIn();
}
