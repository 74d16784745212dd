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
 * A managed-table sink commits a micro-batch differently: its checkpoint is saved as pending
 * first, then the table's commit records the micro-batch id with the rows (one manifest
 * switch), then the pending file is renamed over the committed one; recovery promotes the
 * pending checkpoint exactly when the table recorded its id.
 */
final class CheckpointStore {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FILE = "checkpoint.json";
  private static final String PENDING = "checkpoint.pending.json";

  private final Path directory;
  private final String key;
  private Checkpoint inMemory;
  private Checkpoint pendingInMemory;

  /** {@code directory} null: kept in memory (the database itself is in memory). */
  CheckpointStore(Path directory, String key) {
    this.directory = directory;
    this.key = key;
  }

  String location() {
    return directory == null ? "memory" : directory.toString();
  }

  /** The stream's key (a word: letters, digits, '_', '-'), recorded in managed-table commits. */
  String key() {
    return key;
  }

  /** The committed checkpoint, or null. */
  Checkpoint load() {
    return directory == null ? inMemory : read(FILE);
  }

  /**
   * The checkpoint written for a micro-batch whose commit point is a managed table's commit
   * ({@link #savePending}), or null. It counts only if the table recorded that commit.
   */
  Checkpoint loadPending() {
    return directory == null ? pendingInMemory : read(PENDING);
  }

  private Checkpoint read(String name) {
    Path file = directory.resolve(name);
    if (!Files.exists(file)) {
      return null;
    }
    try {
      Map<String, Object> m = JSON.readValue(file.toFile(),
          new TypeReference<Map<String, Object>>() {});
      @SuppressWarnings("unchecked")
      List<List<Object>> state = (List<List<Object>>) m.get("state");
      return new Checkpoint(((Number) m.get("id")).longValue(), (String) m.get("query"),
          (String) m.get("tables"), (String) m.get("sourceOffset"), (String) m.get("sinkState"),
          state, ((Number) m.get("rowsIn")).longValue(), ((Number) m.get("rowsOut")).longValue());
    } catch (IOException | RuntimeException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read stream checkpoint " + file
          + ": " + e.getMessage(), e);
    }
  }

  /** Writes {@code c} as the committed checkpoint (the commit point of file sinks). */
  void save(Checkpoint c) {
    if (directory == null) {
      inMemory = c;
      return;
    }
    write(c, FILE);
  }

  /** Writes {@code c} as pending: committed once the sink table records its id. */
  void savePending(Checkpoint c) {
    if (directory == null) {
      pendingInMemory = c;
      return;
    }
    write(c, PENDING);
  }

  /** Makes the pending checkpoint the committed one (its table commit happened). */
  void promotePending() {
    if (directory == null) {
      inMemory = pendingInMemory;
      pendingInMemory = null;
      return;
    }
    try {
      Files.move(directory.resolve(PENDING), directory.resolve(FILE),
          StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      syncDirectory(directory);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot commit stream checkpoint in "
          + directory + ": " + e, e);
    }
  }

  /** Forgets a pending checkpoint whose table commit never happened. */
  void dropPending() {
    pendingInMemory = null;
    if (directory != null) {
      delete(PENDING);
    }
  }

  private void write(Checkpoint c, String name) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("query", c.query());
    m.put("tables", c.tables());
    m.put("sourceOffset", c.sourceOffset());
    m.put("sinkState", c.sinkState());
    m.put("rowsIn", c.rowsIn());
    m.put("rowsOut", c.rowsOut());
    m.put("state", c.state());
    Path tmp = directory.resolve(name + ".tmp");
    try {
      Files.createDirectories(directory);
      byte[] bytes = JSON.writeValueAsBytes(m);
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      CrashPoints.reach("checkpoint_written");
      Files.move(tmp, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE,
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
    pendingInMemory = null;
    if (directory != null) {
      delete(FILE);
      delete(PENDING);
    }
  }

  private void delete(String name) {
    try {
      Files.deleteIfExists(directory.resolve(name));
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot reset stream checkpoint in "
          + directory + ": " + e, e);
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
