package org.tsestudio.training;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.tsestudio.engine.TseException;

/**
 * Starts, watches, cancels and resumes the Python jobs (training, data generation, corpus building)
 * and keeps their list in a {@link JobRegistry} under a state folder.
 *
 * <p>Each job's stdout (JSON events) and stderr go to files under {@code <state>/jobs/<id>/}, so a
 * job keeps running when the app closes. Opening the manager again re-attaches to jobs that still
 * run and marks those that died meanwhile as {@link JobState#INTERRUPTED} (with their last
 * checkpoint, so they can be resumed).
 */
public final class JobManager implements AutoCloseable {

  /** The grace period a trainer gets to write its checkpoint after SIGTERM. */
  public static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(2);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path stateDir;
  private final PythonRuntime runtime;
  private final JobRegistry registry;
  private final Map<String, TrainingJob> live = new ConcurrentHashMap<>();
  private final List<JobListener> listeners = new CopyOnWriteArrayList<>();

  private JobManager(Path stateDir, PythonRuntime runtime, JobRegistry registry) {
    this.stateDir = stateDir;
    this.runtime = runtime;
    this.registry = registry;
  }

  /** System property, then environment variable, naming the folder that holds the job list. */
  public static final String STATE_PROPERTY = "tsestudio.state";

  public static final String STATE_ENV = "TSE_STATE_DIR";

  /**
   * Where the app and the CLI keep the job list: {@code -Dtsestudio.state}, {@code $TSE_STATE_DIR},
   * else {@code ~/.tsestudio}. Both use the same folder, so jobs started from the CLI show in the
   * app.
   */
  public static Path defaultStateDir() {
    String configured = System.getProperty(STATE_PROPERTY, System.getenv(STATE_ENV));
    return configured != null && !configured.isBlank()
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".tsestudio");
  }

  /**
   * Opens the job list in {@code stateDir} ({@code jobs.json}); jobs recorded as running are
   * re-attached when their process still runs and settled from their event file when it does not.
   */
  public static JobManager open(Path stateDir, PythonRuntime runtime) throws TseException {
    JobManager manager =
        new JobManager(stateDir, runtime, JobRegistry.load(stateDir.resolve("jobs.json")));
    for (JobRecord record : manager.registry.all()) {
      if (record.state() == JobState.RUNNING) {
        manager.reattach(record);
      }
    }
    return manager;
  }

  /**
   * Picks up jobs another process (the CLI, another app window) started since this manager opened:
   * watches those that still run. Cheap enough to call on a timer.
   */
  public void refresh() {
    for (JobRecord record : registry.all()) {
      if (record.state() == JobState.RUNNING && !live.containsKey(record.id())) {
        reattach(record);
      }
    }
  }

  /** All jobs, oldest first. */
  public List<JobRecord> jobs() {
    return registry.all();
  }

  /** The job's current record. */
  public Optional<JobRecord> get(String id) {
    return registry.get(id);
  }

  /** The watched job with this id (running, or ended while this manager watched it). */
  public Optional<TrainingJob> job(String id) {
    return Optional.ofNullable(live.get(id));
  }

  /** Adds a listener for every watched job, now and later (with each job's history replayed). */
  public void addListener(JobListener listener) {
    listeners.add(listener);
    live.values().forEach(job -> job.subscribe(listener));
  }

  public void removeListener(JobListener listener) {
    listeners.remove(listener);
    live.values().forEach(job -> job.unsubscribe(listener));
  }

  /** Launches a new job. */
  public TrainingJob start(JobSpec spec) throws TseException {
    String id = newId(spec.kind());
    Path jobDir = stateDir.resolve("jobs").resolve(id);
    try {
      Files.createDirectories(jobDir);
      Files.createDirectories(spec.runDir());
    } catch (IOException e) {
      throw new TseException(jobDir + ": cannot create the job folder (" + e.getMessage() + ")");
    }
    JobRecord record =
        JobRecord.create(
            id, spec, jobDir.resolve("events.jsonl"), jobDir.resolve("stderr.log"), Instant.now());
    return launch(record, spec.args());
  }

  /**
   * Continues a stopped job from its last checkpoint, in the same run folder, with the same
   * arguments plus the kind's resume option.
   */
  public TrainingJob resume(String id) throws TseException {
    JobRecord record =
        registry.get(id).orElseThrow(() -> new TseException(id + ": no such job in the list"));
    if (!record.state().finished()) {
      throw new TseException(id + ": the job is still running");
    }
    if (!record.kind().resumable()) {
      throw new TseException(id + ": a " + record.kind().name() + " job cannot be resumed");
    }
    Path checkpoint = Checkpoints.latest(record);
    if (checkpoint == null) {
      throw new TseException(record.runDir() + ": no checkpoint to resume job " + id + " from");
    }
    List<String> args = withoutOption(record.args(), record.kind().resumeFlag());
    args.add(record.kind().resumeFlag());
    args.add(checkpoint.toString());
    return launch(record.withCheckpoint(checkpoint), args);
  }

  /** Removes an ended job from the list; its files stay on disk. */
  public void forget(String id) throws TseException {
    Optional<JobRecord> record = registry.get(id);
    if (record.isPresent() && !record.get().state().finished()) {
      throw new TseException(id + ": cancel the job before removing it from the list");
    }
    live.remove(id);
    registry.remove(id);
  }

  /** Every event the job has printed, over all its attempts (to redraw a finished job's curves). */
  public List<JobEvent> readEvents(String id) throws TseException {
    JobRecord record =
        registry.get(id).orElseThrow(() -> new TseException(id + ": no such job in the list"));
    List<JobEvent> events = new ArrayList<>();
    try (EventFileTailer tailer = new EventFileTailer(record.eventsFile(), 0)) {
      for (String line : tailer.readNewLines(true)) {
        events.add(JobEventParser.parse(line));
      }
    } catch (IOException e) {
      throw new TseException(record.eventsFile() + ": cannot read (" + e.getMessage() + ")");
    }
    return events;
  }

  /** Stops watching; running jobs keep running and are re-attached by the next {@link #open}. */
  @Override
  public void close() {
    live.values().forEach(TrainingJob::detach);
  }

  private TrainingJob launch(JobRecord record, List<String> args) throws TseException {
    runtime.check();
    List<String> moduleArgs = new ArrayList<>(args);
    if (!moduleArgs.contains("--progress")) {
      moduleArgs.add("--progress");
      moduleArgs.add("json");
    }
    List<String> command = runtime.command(record.kind().module(), moduleArgs);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(runtime.workingDir().toFile())
            .redirectOutput(Redirect.appendTo(record.eventsFile().toFile()))
            .redirectError(Redirect.appendTo(record.logFile().toFile()));
    runtime.applyTo(builder.environment());
    Process process;
    long offset;
    try {
      offset = Files.exists(record.eventsFile()) ? Files.size(record.eventsFile()) : 0;
      Files.writeString(
          record.logFile(),
          "=== attempt "
              + (record.attempts() + 1)
              + " at "
              + Instant.now()
              + ": "
              + String.join(" ", command)
              + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      process = builder.start();
      process.getOutputStream().close(); // the jobs read no input
    } catch (IOException e) {
      throw new TseException(
          runtime.executable()
              + ": cannot start "
              + record.kind().module()
              + " ("
              + e.getMessage()
              + ")");
    }
    Instant processStart = process.info().startInstant().orElse(Instant.now());
    JobRecord running = record.started(args, process.pid(), processStart, offset);
    try {
      registry.put(running);
    } catch (TseException e) {
      process.destroy(); // a job the list does not know about could never be found again
      throw e;
    }
    TrainingJob job = new TrainingJob(registry, running, process, null, runtime.workingDir());
    watch(job);
    job.startWatching();
    return job;
  }

  private void reattach(JobRecord record) {
    Optional<ProcessHandle> handle =
        ProcessHandle.of(record.pid()).filter(h -> isSameProcess(h, record));
    TrainingJob job =
        new TrainingJob(registry, record, null, handle.orElse(null), runtime.workingDir());
    watch(job);
    if (handle.isPresent()) {
      job.startWatching();
    } else {
      job.watch(); // the process is gone: settle its state from the event file right away
    }
  }

  private void watch(TrainingJob job) {
    live.put(job.id(), job);
    listeners.forEach(job::subscribe);
  }

  /** Guards against a reused pid: the process must have started when the recorded one did. */
  private static boolean isSameProcess(ProcessHandle handle, JobRecord record) {
    if (!handle.isAlive()) {
      return false;
    }
    Optional<Instant> started = handle.info().startInstant();
    if (record.processStart() == null || started.isEmpty()) {
      return false;
    }
    Duration gap = Duration.between(record.processStart(), started.get()).abs();
    return gap.compareTo(START_TIME_TOLERANCE) <= 0;
  }

  private static List<String> withoutOption(List<String> args, String option) {
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals(option)) {
        i++; // skip its value too
      } else if (!args.get(i).startsWith(option + "=")) {
        kept.add(args.get(i));
      }
    }
    return kept;
  }

  private static String newId(JobKind kind) {
    return kind.name()
        + "-"
        + LocalDateTime.now().format(ID_TIME)
        + "-"
        + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
  }
}
