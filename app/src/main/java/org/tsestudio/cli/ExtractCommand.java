package org.tsestudio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.tsestudio.engine.TseException;
import org.tsestudio.engine.audio.AudioFiles;
import org.tsestudio.engine.audio.AudioSignal;
import org.tsestudio.engine.audio.WavEncoding;
import org.tsestudio.engine.inference.Cancellation;
import org.tsestudio.engine.inference.DeviceChoice;
import org.tsestudio.engine.inference.ExtractionRequest;
import org.tsestudio.engine.inference.ExtractionResult;
import org.tsestudio.engine.inference.Extractor;
import org.tsestudio.engine.inference.ExtractorCriteria;
import org.tsestudio.engine.inference.TseModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tse extract}: one talker's voice out of each mixture, given a reference clip. */
@Command(
    name = "extract",
    mixinStandardHelpOptions = true,
    description = {
      "Extract the reference speaker's voice from each mixture.",
      "Folders are expanded to the .wav/.flac/.mp3 files in them. Outputs are written atomically as"
          + " <mixture>-target.wav (beside the mixture, or in the -o folder); inputs are never"
          + " overwritten."
    })
public final class ExtractCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "MIXTURE", description = "mixture files or folders")
  List<Path> mixtures;

  @Option(
      names = {"-r", "--reference"},
      required = true,
      paramLabel = "REF",
      description = "a clean clip of the wanted speaker (at least 1 s of speech)")
  Path reference;

  @Option(
      names = {"-m", "--model"},
      defaultValue = "v8",
      paramLabel = "MODEL",
      description =
          "v7, v8 (shipped) or a model card .json / TorchScript .pt (default: ${DEFAULT-VALUE})")
  String model;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUT",
      description = "output .wav (one mixture) or folder (default: beside each mixture)")
  Path output;

  @Option(
      names = "--device",
      defaultValue = "auto",
      paramLabel = "DEVICE",
      description = "cpu, gpu or auto (default: ${DEFAULT-VALUE})")
  String device;

  @Option(
      names = "--encoding",
      defaultValue = "PCM_16",
      paramLabel = "ENC",
      description = "PCM_16, PCM_24 or FLOAT_32 (default: ${DEFAULT-VALUE})")
  WavEncoding encoding;

  @Option(
      names = "--chunk-seconds",
      defaultValue = "0",
      paramLabel = "S",
      description = "longest chunk processed at once; 0 sizes chunks from free memory")
  double chunkSeconds;

  @Option(names = "--overwrite", description = "replace existing output files (never inputs)")
  boolean overwrite;

  @Override
  public Integer call() throws TseException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ConsoleProgress progress = new ConsoleProgress(err);
    List<Path> files = AudioInputs.expand(mixtures);
    Map<Path, Path> plan = OutputPlan.plan(files, reference, output, overwrite);
    if (output != null && plan.size() > 1) {
      createFolder(output);
    }
    AudioSignal referenceSignal = AudioFiles.readMono(reference);
    ExtractorCriteria criteria =
        ExtractorCriteria.builder()
            .setModel(model)
            .optDevice(DeviceChoice.parse(device))
            .optMaxChunkSeconds(chunkSeconds)
            .build();
    Cancellation cancellation = new Cancellation();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = cancelOnInterrupt(cancellation, finished);
    int failed = 0;
    try (TseModel loaded = criteria.loadModel()) {
      Extractor extractor = loaded.newExtractor();
      int index = 0;
      for (Map.Entry<Path, Path> job : plan.entrySet()) {
        index++;
        Path mixture = job.getKey();
        progress.label("[" + index + "/" + plan.size() + "] " + mixture.getFileName());
        try {
          ExtractionRequest request =
              new ExtractionRequest(
                  AudioFiles.readMono(mixture),
                  mixture.toString(),
                  referenceSignal,
                  reference.toString());
          ExtractionResult result = extractor.extract(request, progress::update, cancellation);
          AudioFiles.writeWav(job.getValue(), result.audio(), encoding, mixture, reference);
          progress.finish();
          out.printf(
              Locale.ROOT,
              "%s -> %s (%.1f s, RTF %.2f, %d chunk%s, %s)%n",
              mixture,
              job.getValue(),
              result.audio().durationSeconds(),
              result.realTimeFactor(),
              result.chunks(),
              result.chunks() == 1 ? "" : "s",
              loaded.deviceName());
          out.flush();
        } catch (Cancellation.ExtractionCancelledException e) {
          progress.finish();
          throw e;
        } catch (TseException e) {
          progress.finish();
          if (e.getMessage().startsWith(reference.toString() + ":")) {
            throw e; // a bad reference fails every mixture alike
          }
          failed++;
          ErrorReporter.report(err, e, TseCli.debug(spec));
        }
      }
    } finally {
      finished.countDown();
      removeHook(hook);
    }
    if (failed > 0) {
      err.println("tse: " + failed + " of " + plan.size() + " mixtures failed");
      err.flush();
      return TseCli.FAILED;
    }
    return 0;
  }

  private static void createFolder(Path folder) throws TseException {
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new TseException(folder + ": cannot create the output folder (" + e.getMessage() + ")");
    }
  }

  /**
   * On Ctrl-C the extraction is cancelled between chunks and the JVM waits for it to stop, so no
   * temporary file is left behind.
   */
  static Thread cancelOnInterrupt(Cancellation cancellation, CountDownLatch finished) {
    Thread hook =
        new Thread(
            () -> {
              cancellation.cancel();
              try {
                finished.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "tse-extract-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running
    }
  }
}
