package io.velaria.engine.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What DROP TABLE does to streams: a table a running background stream reads or writes cannot
 * be dropped, and the checkpoints of streams over the dropped table are deleted, so a table
 * created again with the same name starts afresh. (Checkpoints also record which incarnation
 * of their tables they belong to, so one missed here, e.g. under a sink's
 * {@code checkpoint_path}, is ignored and replaced on the next run.)
 */
public final class StreamCheckpoints {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamCheckpoints() {}

  /** Called by DROP TABLE before the table leaves the catalog. */
  public static void tableDropped(Database db, TableDefinition def) {
    if (def.kind() != TableKind.SOURCE && def.kind() != TableKind.SINK
        && def.kind() != TableKind.MANAGED) {
      return;
    }
    String identity = StreamTables.identity(def);
    StreamManager m = StreamManager.of(db);
    String user = m.runningOn(identity);
    if (user != null) {
      throw new VelariaException("55006", "cannot drop table '" + def.name() + "': stream '"
          + user + "' uses it; STOP STREAM " + user + " first");
    }
    m.forgetCheckpoints(identity);
    for (Path parent : checkpointParents(db, def)) {
      deleteCheckpointsOf(parent, identity);
    }
  }

  /** Whether a checkpoint's {@code tables} names the table incarnation {@code identity}. */
  static boolean mentions(String tables, String identity) {
    if (tables == null) {
      return false;
    }
    for (String t : tables.split(" -> ")) {
      if (t.equals(identity)) {
        return true;
      }
    }
    return false;
  }

  /** Directories whose subdirectories are stream checkpoints (one per stream key). */
  private static Set<Path> checkpointParents(Database db, TableDefinition dropped) {
    Set<Path> out = new LinkedHashSet<>();
    if (db.config().isPersistent()) {
      out.add(db.config().directory().resolve("streams"));
    }
    List<TableDefinition> sinks = new ArrayList<>();
    for (CatalogEntry e : db.catalog().entries()) {
      sinks.add(e.definition());
    }
    sinks.add(dropped);
    for (TableDefinition def : sinks) {
      if (def.kind() != TableKind.SINK && def.kind() != TableKind.MANAGED) {
        continue;
      }
      try {
        Path one = StreamEndpoints.checkpointDirectory(db, new CatalogEntry(def, null, null), "x");
        if (one != null) {
          out.add(one.getParent());
        }
      } catch (RuntimeException e) {
        // a sink whose path cannot be resolved holds no checkpoints
      }
    }
    return out;
  }

  private static void deleteCheckpointsOf(Path parent, String identity) {
    if (!Files.isDirectory(parent)) {
      return;
    }
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(parent)) {
      for (Path dir : dirs) {
        if (Files.isDirectory(dir) && (mentions(tablesIn(dir.resolve("checkpoint.json")),
            identity) || mentions(tablesIn(dir.resolve("checkpoint.pending.json")), identity))) {
          deleteRecursively(dir);
        }
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot delete stream checkpoints in "
          + parent + ": " + e, e);
    }
  }

  private static String tablesIn(Path checkpoint) {
    if (!Files.isRegularFile(checkpoint)) {
      return null;
    }
    try {
      JsonNode n = JSON.readTree(checkpoint.toFile()).get("tables");
      return n == null || n.isNull() ? null : n.asText();
    } catch (IOException e) {
      return null; // not a checkpoint of ours
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
