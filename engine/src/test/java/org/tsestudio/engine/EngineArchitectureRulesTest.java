package org.tsestudio.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tsestudio.engine.archfixture.LayeringViolations;

/**
 * Shows that each rule of {@link EngineArchitectureTest} does fire: a test-only class in the engine
 * package that uses stand-ins for JavaFX, app, CLI and training classes must violate all four,
 * naming the offending dependency, while a class without such uses passes.
 */
class EngineArchitectureRulesTest {

  @Test
  void everyRuleReportsItsForbiddenDependency() {
    JavaClasses classes = new ClassFileImporter().importClasses(LayeringViolations.class);
    Map<ArchRule, String> expectedTargets =
        Map.of(
            EngineArchitectureTest.NO_JAVAFX, "javafx.archfixture.FxStandIn",
            EngineArchitectureTest.NO_APP, "org.tsestudio.app.AppStandIn",
            EngineArchitectureTest.NO_CLI, "org.tsestudio.cli.CliStandIn",
            EngineArchitectureTest.NO_TRAINING, "org.tsestudio.training.TrainingStandIn");
    expectedTargets.forEach(
        (rule, target) -> {
          EvaluationResult result = rule.evaluate(classes);
          assertTrue(result.hasViolation(), rule.getDescription());
          String report = result.getFailureReport().toString();
          assertTrue(report.contains(target), report);
          assertTrue(report.contains("because"), report);
        });
  }

  @Test
  void aCleanClassPasses() {
    JavaClasses classes = new ClassFileImporter().importClasses(CleanFixture.class);
    assertFalse(EngineArchitectureTest.NO_JAVAFX.evaluate(classes).hasViolation());
    assertFalse(EngineArchitectureTest.NO_TRAINING.evaluate(classes).hasViolation());
  }

  /** Depends on nothing outside the JDK. */
  static final class CleanFixture {
    int size(java.util.List<String> list) {
      return list.size();
    }
  }
}
