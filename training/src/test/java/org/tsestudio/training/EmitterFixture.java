package org.tsestudio.training;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs the test resource {@code jobs/event_emitter.py} through the real job machinery. */
final class EmitterFixture {

  static final JobKind EMITTER = new JobKind("emitter", "event_emitter", "--resume");

  private EmitterFixture() {}

  static PythonRuntime runtime(Path workDir) {
    try {
      Path scripts =
          Path.of(EmitterFixture.class.getResource("/jobs/event_emitter.py").toURI()).getParent();
      return new PythonRuntime(Path.of("/usr/bin/python3"), List.of(scripts), workDir);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static JobSpec spec(Path runDir, String... extra) {
    List<String> args = new ArrayList<>(List.of("--run-dir", runDir.toString()));
    args.addAll(List.of(extra));
    return new JobSpec(EMITTER, args, runDir, "emitter test");
  }

  /** A listener that queues events so a test can wait for one. */
  static final class Recorder implements JobListener {
    final BlockingQueue<JobEvent> events = new LinkedBlockingQueue<>();
    final List<JobEvent> all = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void onEvent(JobRecord job, JobEvent event) {
      events.add(event);
      all.add(event);
    }

    /** Waits up to 20 s for an event that matches. */
    JobEvent awaitEvent(Predicate<JobEvent> wanted) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (System.nanoTime() < deadline) {
        JobEvent event = events.poll(100, TimeUnit.MILLISECONDS);
        if (event != null && wanted.test(event)) {
          return event;
        }
      }
      throw new AssertionError("no matching event within 20 s; seen: " + all);
    }
  }
}
