package org.tsestudio.training;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tsestudio.engine.TseException;

/**
 * The list of jobs, kept in one JSON file so that it survives an app restart. Every change rewrites
 * the whole file atomically (temporary file in the same folder, then rename), so a crash leaves
 * either the old or the new list, never half of one. Thread-safe.
 */
public final class JobRegistry {

  private static final int FORMAT_VERSION = 1;
  private static final Gson GSON =
      new GsonBuilder()
          .registerTypeHierarchyAdapter(Path.class, nullSafe(Path::toString, Path::of))
          .registerTypeAdapter(Instant.class, nullSafe(Instant::toString, Instant::parse))
          .setPrettyPrinting()
          .create();

  private static final Map<Path, Object> IN_PROCESS_LOCKS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Path file;
  private final Map<String, JobRecord> jobs = new LinkedHashMap<>();

  private JobRegistry(Path file) {
    this.file = file;
  }

  /** Reads the registry at {@code file}; a missing file is an empty registry. */
  public static JobRegistry load(Path file) throws TseException {
    JobRegistry registry = new JobRegistry(file);
    registry.jobs.putAll(read(file));
    return registry;
  }

  private static Map<String, JobRecord> read(Path file) throws TseException {
    Map<String, JobRecord> jobs = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return jobs;
    }
    Stored stored;
    try {
      stored = GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
    } catch (IOException e) {
      throw new TseException(file + ": cannot read the job registry (" + e.getMessage() + ")");
    } catch (JsonParseException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new TseException(file + ": not a valid job registry (" + firstLine(e) + ")");
    }
    if (stored == null || stored.jobs == null || stored.version != FORMAT_VERSION) {
      throw new TseException(file + ": not a job registry of format version " + FORMAT_VERSION);
    }
    for (JobRecord record : stored.jobs) {
      if (record == null
          || record.id() == null
          || record.kind() == null
          || record.state() == null) {
        throw new TseException(file + ": a job entry lacks its id, kind or state");
      }
      jobs.put(record.id(), record);
    }
    return jobs;
  }

  /** The file this registry is kept in. */
  public Path file() {
    return file;
  }

  /** All jobs, oldest first, including those other processes added. */
  public synchronized List<JobRecord> all() {
    refresh();
    return List.copyOf(jobs.values());
  }

  /** The job with this id. */
  public synchronized Optional<JobRecord> get(String id) {
    refresh();
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * Adds or replaces a job and writes the file. A record never replaces a newer one: not an earlier
   * attempt's, and not a running one once that attempt has ended (so a process that merely watches
   * a job cannot undo the end its launcher recorded).
   */
  public synchronized void put(JobRecord record) throws TseException {
    update(
        map -> {
          JobRecord existing = map.get(record.id());
          boolean stale =
              existing != null
                  && (existing.attempts() > record.attempts()
                      || (existing.attempts() == record.attempts()
                          && existing.state().finished()
                          && !record.state().finished()));
          if (!stale) {
            map.put(record.id(), record);
          }
        });
  }

  /** Forgets a finished job (its run folder and logs stay on disk). */
  public synchronized void remove(String id) throws TseException {
    update(map -> map.remove(id));
  }

  /** Applies a change to the list as it is on disk now, under the file lock, and writes it. */
  private void update(java.util.function.Consumer<Map<String, JobRecord>> change)
      throws TseException {
    Path lock = file.resolveSibling(file.getFileName() + ".lock");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
    } catch (IOException e) {
      throw new TseException(file + ": cannot create its folder (" + e.getMessage() + ")");
    }
    // A file lock excludes other processes only; registries of the same file in this JVM (two
    // managers) share one monitor, since a second lock from the same JVM would throw.
    Object inProcess =
        IN_PROCESS_LOCKS.computeIfAbsent(lock.toAbsolutePath().normalize(), k -> new Object());
    synchronized (inProcess) {
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          java.nio.channels.FileLock held = channel.lock()) {
        Map<String, JobRecord> current = read(file);
        change.accept(current);
        save(current);
        jobs.clear();
        jobs.putAll(current);
      } catch (IOException e) {
        throw new TseException(file + ": cannot lock the job registry (" + e.getMessage() + ")");
      }
    }
  }

  /** Picks up other processes' changes; keeps the last good list if the file cannot be read. */
  private void refresh() {
    try {
      Map<String, JobRecord> current = read(file);
      jobs.clear();
      jobs.putAll(current);
    } catch (TseException e) {
      System.getLogger(JobRegistry.class.getName())
          .log(System.Logger.Level.WARNING, e.getMessage());
    }
  }

  private void save(Map<String, JobRecord> jobs) throws TseException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          Writer writer = Channels.newWriter(channel, StandardCharsets.UTF_8)) {
        GSON.toJson(new Stored(FORMAT_VERSION, new ArrayList<>(jobs.values())), writer);
        writer.flush();
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new TseException(file + ": cannot write the job registry (" + e.getMessage() + ")");
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // Best effort: a leftover hidden temp file is harmless.
        }
      }
    }
  }

  private static String firstLine(Exception e) {
    String text = String.valueOf(e.getMessage());
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static <T> TypeAdapter<T> nullSafe(
      java.util.function.Function<T, String> write, java.util.function.Function<String, T> read) {
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        if (value == null) {
          out.nullValue();
        } else {
          out.value(write.apply(value));
        }
      }

      @Override
      public T read(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
          in.nextNull();
          return null;
        }
        return read.apply(in.nextString());
      }
    };
  }

  /** The file's top level: a version number so a later format can be told apart. */
  private record Stored(int version, List<JobRecord> jobs) {}
}
