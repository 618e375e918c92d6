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

  private final Path file;
  private final Map<String, JobRecord> jobs = new LinkedHashMap<>();

  private JobRegistry(Path file) {
    this.file = file;
  }

  /** Reads the registry at {@code file}; a missing file is an empty registry. */
  public static JobRegistry load(Path file) throws TseException {
    JobRegistry registry = new JobRegistry(file);
    if (!Files.exists(file)) {
      return registry;
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
      registry.jobs.put(record.id(), record);
    }
    return registry;
  }

  /** The file this registry is kept in. */
  public Path file() {
    return file;
  }

  /** All jobs, oldest first. */
  public synchronized List<JobRecord> all() {
    return List.copyOf(jobs.values());
  }

  /** The job with this id. */
  public synchronized Optional<JobRecord> get(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Adds or replaces a job and writes the file. */
  public synchronized void put(JobRecord record) throws TseException {
    JobRecord previous = jobs.put(record.id(), record);
    try {
      save();
    } catch (TseException e) {
      // Keep memory and file in step: the caller learns that the change did not happen.
      if (previous == null) {
        jobs.remove(record.id());
      } else {
        jobs.put(record.id(), previous);
      }
      throw e;
    }
  }

  /** Forgets a finished job (its run folder and logs stay on disk). */
  public synchronized void remove(String id) throws TseException {
    JobRecord previous = jobs.remove(id);
    if (previous != null) {
      try {
        save();
      } catch (TseException e) {
        jobs.put(id, previous);
        throw e;
      }
    }
  }

  private void save() throws TseException {
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
