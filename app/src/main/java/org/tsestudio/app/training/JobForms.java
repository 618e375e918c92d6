package org.tsestudio.app.training;

import java.nio.file.Path;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.tsestudio.app.core.DialogService;
import org.tsestudio.app.core.DialogService.FileKind;
import org.tsestudio.app.ui.Buttons;
import org.tsestudio.app.ui.Card;
import org.tsestudio.app.ui.Icons;

/** The two launch cards of the training panel: a dataset job and a training run. */
final class JobForms {
  private JobForms() {}

  static Card dataCard(TrainingViewModel vm, DialogService dialogs) {
    DataJobForm f = vm.dataForm();
    FormGrid grid = new FormGrid();
    ChoiceBox<DataJobForm.Kind> kind =
        new ChoiceBox<>(FXCollections.observableArrayList(DataJobForm.Kind.values()));
    kind.valueProperty().bindBidirectional(f.kindProperty());
    kind.setId("data-kind");
    kind.setMaxWidth(Double.MAX_VALUE);
    grid.row("Make", kind);
    ComboBox<String> recipe = editableChoice(DataJobForm.RECIPES, "data-recipe");
    recipe.valueProperty().bindBidirectional(f.recipeProperty());
    Label recipeLabel =
        grid.row(
            "Recipe",
            FormGrid.withPicker(
                recipe,
                "Choose a recipe YAML",
                () -> pickFile(dialogs, vm, "Choose a recipe", recipe)));
    ChoiceBox<String> split =
        new ChoiceBox<>(FXCollections.observableArrayList(DataJobForm.SPLITS));
    split.valueProperty().bindBidirectional(f.splitProperty());
    split.setId("data-split");
    split.setMaxWidth(Double.MAX_VALUE);
    Label splitLabel = grid.row("Split", split);
    TextField corpus = FormGrid.text(f.corpusProperty(), "corpus folder", "data-corpus");
    Label corpusLabel =
        grid.row(
            "Corpus",
            FormGrid.withPicker(
                corpus,
                "Choose the corpus folder",
                () -> pickFolder(dialogs, vm, "Choose the corpus folder", corpus)));
    TextField out = FormGrid.text(f.outProperty(), "output folder", "data-out");
    grid.row(
        "Output",
        FormGrid.withPicker(
            out,
            "Choose the output folder",
            () -> pickFolder(dialogs, vm, "Choose the output folder", out)));
    TextField count = FormGrid.text(f.countProperty(), "the recipe's size", "data-count");
    Label countLabel = grid.row("Count", count);
    grid.row("Options", FormGrid.text(f.extraProperty(), "e.g. --jobs 4 --seed 1", "data-extra"));
    Runnable layout =
        () -> {
          boolean mixtures = f.kindProperty().get() == DataJobForm.Kind.MIXTURES;
          FormGrid.show(mixtures, recipeLabel, recipe.getParent(), splitLabel, split);
          FormGrid.show(mixtures, corpusLabel, corpus.getParent(), countLabel, count);
        };
    f.kindProperty().addListener(o -> layout.run());
    layout.run();

    Button start = Buttons.text("Start", Icons.PLAY, "Launch the data job", vm::startDataJob);
    start.setId("start-data-job");
    start.disableProperty().bind(vm.availableProperty().not());
    Card card = new Card("Dataset", Icons.WAVE, grid, actions(start));
    card.getStyleClass().add("form-card");
    return card;
  }

  static Card trainCard(TrainingViewModel vm, DialogService dialogs) {
    TrainJobForm f = vm.trainForm();
    FormGrid grid = new FormGrid();
    ComboBox<String> config = editableChoice(TrainJobForm.CONFIGS, "train-config");
    config.valueProperty().bindBidirectional(f.configProperty());
    grid.row(
        "Config",
        FormGrid.withPicker(
            config,
            "Choose a training config YAML",
            () -> pickFile(dialogs, vm, "Choose a training config", config)));
    TextField run = FormGrid.text(f.runDirProperty(), "run folder", "train-run-dir");
    grid.row(
        "Run folder",
        FormGrid.withPicker(
            run,
            "Choose the run folder",
            () -> pickFolder(dialogs, vm, "Choose the run folder", run)));
    CheckBox resume = new CheckBox("Continue from its last.pt");
    resume.selectedProperty().bindBidirectional(f.resumeProperty());
    resume.setId("train-resume");
    grid.row("Resume", resume);
    grid.row("Options", FormGrid.text(f.extraProperty(), "e.g. --max-minutes 60", "train-extra"));

    Button start =
        Buttons.text("Start training", Icons.PLAY, "Launch tsestudio.train", vm::startTraining);
    start.setId("start-training");
    start.getStyleClass().add("accent");
    start.disableProperty().bind(vm.availableProperty().not());
    Card card = new Card("Training run", Icons.CHIP, grid, actions(start));
    card.getStyleClass().add("form-card");
    return card;
  }

  private static HBox actions(Button primary) {
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox row = Card.row(spacer, primary);
    return row;
  }

  private static ComboBox<String> editableChoice(java.util.List<String> items, String id) {
    ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(items));
    box.setEditable(true);
    box.setId(id);
    box.setMaxWidth(Double.MAX_VALUE);
    return box;
  }

  private static void pickFile(
      DialogService dialogs, TrainingViewModel vm, String title, ComboBox<String> into) {
    dialogs
        .chooseFileToOpen(title, vm.projectRoot(), FileKind.TRAINING_CONFIG)
        .ifPresent(p -> into.setValue(shown(vm, p)));
  }

  private static void pickFolder(
      DialogService dialogs, TrainingViewModel vm, String title, TextField into) {
    dialogs.chooseFolder(title, vm.projectRoot()).ifPresent(p -> into.setText(shown(vm, p)));
  }

  /** Paths under the project folder are shown relative to it, as the defaults are. */
  private static String shown(TrainingViewModel vm, Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(vm.projectRoot())
        ? vm.projectRoot().relativize(abs).toString()
        : abs.toString();
  }
}
