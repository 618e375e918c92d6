package org.tsestudio.app.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.tsestudio.engine.TseException;
import org.tsestudio.training.JobKind;
import org.tsestudio.training.JobSpec;

/**
 * The dataset form: render a static mixture set from a corpus with the v7 or v8 recipe ({@code
 * tsestudio.data.generate}), or build a speech corpus ({@code tsestudio.data.build_corpus}).
 * Defaults follow the shipped training configs ({@code work-data/corpus}, {@code
 * work-data/mixtures/<recipe>}).
 */
public final class DataJobForm {

  /** Which data job. */
  public enum Kind {
    MIXTURES("Mixture set"),
    CORPUS("Speech corpus");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  public static final List<String> RECIPES = List.of("v7", "v8");
  public static final List<String> SPLITS = List.of("train", "valid", "test", "real_valid");

  private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.MIXTURES);
  private final StringProperty recipe = new SimpleStringProperty(this, "recipe", "v8");
  private final StringProperty split = new SimpleStringProperty(this, "split", "valid");
  private final StringProperty corpus =
      new SimpleStringProperty(this, "corpus", "work-data/corpus");
  private final StringProperty out = new SimpleStringProperty(this, "out", "work-data/mixtures/v8");
  private final StringProperty count = new SimpleStringProperty(this, "count", "");
  private final StringProperty extra = new SimpleStringProperty(this, "extra", "");

  public DataJobForm() {
    // Keep the default output folder in step with the recipe until the user types their own.
    recipe.addListener(
        (o, was, now) -> {
          if (out.get().equals("work-data/mixtures/" + was) && RECIPES.contains(now)) {
            out.set("work-data/mixtures/" + now);
          }
        });
    kind.addListener(
        (o, was, now) -> {
          if (now == Kind.CORPUS && out.get().startsWith("work-data/mixtures/")) {
            out.set(corpus.get());
          } else if (now == Kind.MIXTURES && out.get().equals(corpus.get())) {
            out.set("work-data/mixtures/" + recipe.get());
          }
        });
  }

  /** The job to launch, with every path made absolute under {@code root}. */
  public JobSpec toSpec(Path root) throws TseException {
    Path outDir = JobArgs.path(root, out.get(), "output folder");
    List<String> args = new ArrayList<>(List.of("--out", outDir.toString()));
    if (kind.get() == Kind.CORPUS) {
      args.addAll(JobArgs.extra(extra.get()));
      return new JobSpec(JobKind.BUILD_CORPUS, args, outDir, "corpus " + outDir.getFileName());
    }
    Path corpusDir = JobArgs.path(root, corpus.get(), "corpus folder");
    if (!Files.isRegularFile(corpusDir.resolve("corpus.jsonl"))) {
      throw new TseException(corpusDir + ": no corpus.jsonl in it (build a speech corpus first)");
    }
    String r = recipe.get() == null ? "" : recipe.get().strip();
    String recipeArg = RECIPES.contains(r) ? r : JobArgs.existingFile(root, r, "recipe").toString();
    if (!SPLITS.contains(split.get())) {
      throw new TseException("split: '" + split.get() + "' is not one of " + SPLITS);
    }
    args.addAll(
        List.of("--corpus", corpusDir.toString(), "--recipe", recipeArg, "--split", split.get()));
    Integer n = JobArgs.optionalCount(count.get(), "count");
    if (n != null) {
      args.addAll(List.of("--count", n.toString()));
    }
    args.addAll(JobArgs.extra(extra.get()));
    String recipeName = RECIPES.contains(r) ? r : Path.of(r).getFileName().toString();
    return new JobSpec(
        JobKind.GENERATE_DATA,
        args,
        outDir,
        "mixtures " + recipeName + " " + split.get() + " → " + outDir.getFileName());
  }

  public ObjectProperty<Kind> kindProperty() {
    return kind;
  }

  /** {@code v7}, {@code v8} or a recipe YAML. */
  public StringProperty recipeProperty() {
    return recipe;
  }

  public StringProperty splitProperty() {
    return split;
  }

  public StringProperty corpusProperty() {
    return corpus;
  }

  public StringProperty outProperty() {
    return out;
  }

  /** How many mixtures; empty for the recipe's size of the split. */
  public StringProperty countProperty() {
    return count;
  }

  /** Further options for the module, e.g. {@code --jobs 4} or {@code --max-voices 4}. */
  public StringProperty extraProperty() {
    return extra;
  }
}
