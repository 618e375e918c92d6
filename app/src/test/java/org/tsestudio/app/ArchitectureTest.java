package org.tsestudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layering of the workstation: view models and models stay free of the UI toolkit. */
class ArchitectureTest {
  private static final JavaClasses APP =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.tsestudio.app");

  @Test
  void viewModelsNeedNoToolkit() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .or()
        .resideInAnyPackage("org.tsestudio.app.model..", "org.tsestudio.app.timeline..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..")
        .because("view models are unit-tested without a UI toolkit (JabRef's rule)")
        .check(APP);
  }

  @Test
  void viewModelsDoNotKnowTheirViews() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("ViewModel")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("View")
        .because("views observe view models, never the other way round")
        .check(APP);
  }

  @Test
  void theWorkstationDoesNotReachIntoTheCli() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.tsestudio.cli..")
        .because("the CLI starts the workstation, not the reverse")
        .check(APP);
  }
}
