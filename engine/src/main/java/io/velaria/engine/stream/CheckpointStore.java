package io.velaria.engine.stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest checkpoint of one stream, in {@code checkpoint.json} under the stream's directory
 * (or in memory for an in-memory database without a file sink). A save writes a temporary file,
 * fsyncs it and renames it over the old one, so a crash leaves either checkpoint, never a mix.
 */
final class CheckpointStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "checkpoint.json";

  private final Path directory;
  private Checkpoint inMemory;

  /** {@code directory} null: kept in memory (the database itself is in memory). */
  CheckpointStore(Path directory) {
    this.directory = directory;
  }

  String location() {
    return directory == null ? "memory" : directory.toString();
  }

  Checkpoint load() {
    if (directory == null) {
      return inMemory;
    }
    Path file = directory.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      Map<String, Object> m = JSON.readValue(file.toFile(),
          new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      List<List<Object>> state = (List<List<Object>>) m.get("state");
      return new Checkpoint(((Number) m.get("id")).longValue(), (String) m.get("query"),
          (String) m.get("sourceOffset"), (String) m.get("sinkState"), state,
          ((Number) m.get("rowsIn")).longValue(), ((Number) m.get("rowsOut")).longValue());
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read stream checkpoint " + file
          + ": " + e.getMessage(), e);
    }
  }

  void save(Checkpoint c) {
    if (directory == null) {
      inMemory = c;
      return;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("query", c.query());
    m.put("sourceOffset", c.sourceOffset());
    m.put("sinkState", c.sinkState());
    m.put("rowsIn", c.rowsIn());
    m.put("rowsOut", c.rowsOut());
    m.put("state", c.state());
    Path tmp = directory.resolve(FILE + ".tmp");
    try {
      Files.createDirectories(directory);
      byte[] bytes = JSON.writeValueAsBytes(m);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      CrashPoints.reach("checkpoint_written");
      Files.move(tmp, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(directory);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot write stream checkpoint in "
          + directory + ": " + e, e);
    }
  }

  /** Forgets the stream (a new query for the same name starts over). */
  void clear() {
    inMemory = null;
    if (directory != null) {
      try {
        Files.deleteIfExists(directory.resolve(FILE));
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot reset stream checkpoint in "
            + directory + ": " + e, e);
      }
    }
  }

  static void syncDirectory(Path dir) {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // makes renames durable on Linux; not supported everywhere
    }
  }
}
