package org.tsestudio.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine is the headless core: the CLI, the training module's evaluation jobs, the app and the
 * tests all use it, so it must not reach back into any of them. Fails the build on a violation.
 */
@AnalyzeClasses(
    packages = "org.tsestudio.engine",
    importOptions = ImportOption.DoNotIncludeTests.class)
public class EngineArchitectureTest {

  @ArchTest
  public static final ArchRule NO_JAVAFX =
      noClasses()
          .that()
          .resideInAPackage("org.tsestudio.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("javafx..")
          .because(
              "the engine runs headless (CLI, training jobs, CI without a display) and must not"
                  + " need the JavaFX runtime");

  @ArchTest
  public static final ArchRule NO_APP =
      noClasses()
          .that()
          .resideInAPackage("org.tsestudio.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tsestudio.app..")
          .because("the app is built on the engine; a dependency back would make a cycle");

  @ArchTest
  public static final ArchRule NO_CLI =
      noClasses()
          .that()
          .resideInAPackage("org.tsestudio.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tsestudio.cli..")
          .because(
              "the CLI is one front end of the engine; engine errors are TseExceptions, and how"
                  + " they are shown is the front end's business");

  @ArchTest
  public static final ArchRule NO_TRAINING =
      noClasses()
          .that()
          .resideInAPackage("org.tsestudio.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.tsestudio.training..")
          .because(
              "training (Python job control) uses the engine's metrics and audio I/O, not the"
                  + " other way round; inference must work where no training code is installed");
}
