package org.tsestudio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.inference.Cancellation;
import org.tsestudio.engine.inference.DeviceChoice;
import org.tsestudio.engine.inference.ExtractionRequest;
import org.tsestudio.engine.inference.ExtractionResult;
import org.tsestudio.engine.inference.Extractor;
import org.tsestudio.engine.inference.ExtractorCriteria;
import org.tsestudio.engine.inference.TseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tse eval}: scores a model on a static test set through the same pipeline as extract. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Score a model on a mixture manifest (tsestudio.data.generate): SI-SDRi, SDRi, STOI, ESTOI"
          + " (mean, median, 5th percentile) and the wrong-speaker rate (the output is closer to an"
          + " interferer than to the target)."
    })
public final class EvalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--manifest",
      required = true,
      paramLabel = "JSONL",
      description = "test manifest")
  Path manifest;

  @Option(
      names = {"-m", "--model"},
      defaultValue = "v8",
      paramLabel = "MODEL",
      description = "v7, v8 or a model card .json / TorchScript .pt (default: ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = "--device",
      defaultValue = "auto",
      paramLabel = "DEVICE",
      description = "cpu, gpu or auto")
  String device;

  @Option(names = "--csv", paramLabel = "FILE", description = "write per-item scores as CSV")
  Path csv;

  @Option(names = "--json", paramLabel = "FILE", description = "write summary and items as JSON")
  Path json;

  @Mixin BreakdownOption by;

  @Option(
      names = "--limit",
      defaultValue = "0",
      paramLabel = "N",
      description = "score only the first N items")
  int limit;

  @Override
  public Integer call() throws TseException {
    Breakdown breakdown = by.breakdown();
    List<MixtureManifest.Item> items = MixtureManifest.read(manifest);
    if (limit > 0 && limit < items.size()) {
      items = items.subList(0, limit);
    }
    ExtractorCriteria criteria =
        ExtractorCriteria.builder().setModel(model).optDevice(DeviceChoice.parse(device)).build();
    ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
    Cancellation cancellation = new Cancellation();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = ExtractCommand.cancelOnInterrupt(cancellation, finished);
    List<ItemScore> scores = new ArrayList<>();
    String modelName;
    try (TseModel loaded = criteria.loadModel()) {
      modelName = loaded.card().name() + " (" + loaded.files().torchScript().getFileName() + ")";
      Extractor extractor = loaded.newExtractor();
      for (MixtureManifest.Item item : items) {
        progress.label("[" + (scores.size() + 1) + "/" + items.size() + "] " + item.id());
        AudioSignal mixture = AudioFiles.readMono(item.mixture());
        AudioSignal target = AudioFiles.readMono(item.target());
        float[][] interferers = new float[item.interferers().size()][];
        for (int i = 0; i < interferers.length; i++) {
          interferers[i] = AudioFiles.readMono(item.interferers().get(i)).samples();
        }
        ExtractionResult result =
            extractor.extract(
                new ExtractionRequest(
                    mixture,
                    item.mixture().toString(),
                    AudioFiles.readMono(item.reference()),
                    item.reference().toString()),
                progress::update,
                cancellation);
        if (target.sampleRate() != mixture.sampleRate()) {
          throw new TseException(
              item.where()
                  + ": target and mixture sample rates differ ("
                  + target.sampleRate()
                  + " and "
                  + mixture.sampleRate()
                  + " Hz)");
        }
        scores.add(
            ItemScore.of(
                item.where(),
                item.id(),
                item.group(),
                item.speaker(),
                result.audio().samples(),
                mixture.samples(),
                target.samples(),
                interferers,
                mixture.sampleRate()));
      }
    } finally {
      progress.finish();
      finished.countDown();
      ExtractCommand.removeHook(hook);
    }
    EvalReport report = new EvalReport(modelName, manifest.toString(), scores, breakdown);
    if (csv != null) {
      AtomicText.write(csv, report.csv());
    }
    if (json != null) {
      AtomicText.write(json, report.json());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(report.table());
    out.flush();
    return 0;
  }
}
