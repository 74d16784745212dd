package io.velaria.engine.stream;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.stream.spi.StreamSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A sink into a directory: micro-batch n is written by the format's writer under
 * {@code _staging/n/} (hidden from readers), and after its checkpoint moved by atomic rename to
 * {@code part-<n>.<ext>}. Recovery publishes staged parts the checkpoint covers and deletes the
 * others.
 */
final class DirectorySink implements StreamSink {
  private final Database database;
  private final String name;
  private final String format;
  private final List<ColumnDef> columns;
  private final Map<String, String> options;
  private final Path directory;

  DirectorySink(Database database, String name, String format, List<ColumnDef> columns,
      Map<String, String> options, Path directory) {
    this.database = database;
    this.name = name;
    this.format = format;
    this.columns = columns;
    this.options = options;
    this.directory = directory;
  }

  private Path staging(long id) {
    return directory.resolve("_staging").resolve(Long.toString(id));
  }

  @Override
  public void recover(long commitId, String committedState) {
    Path root = directory.resolve("_staging");
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> s = Files.list(root)) {
      for (Path p : s.toList()) {
        long id;
        try {
          id = Long.parseLong(p.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        if (id <= commitId) {
          publish(id);
        } else {
          deleteTree(p);
        }
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot recover sink directory "
          + directory + ": " + e, e);
    }
  }

  @Override
  public String prepare(long commitId, List<Batch> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    Path stage = staging(commitId);
    deleteTree(stage);
    Map<String, String> opts = new LinkedHashMap<>(options);
    opts.put("path", stage.toString() + "/");
    TableWriter w = database.connector(format).writer(database.tableSpec(name, columns, opts),
        columns);
    boolean done = false;
    try {
      for (int i = 0; i < rows.size(); i++) {
        w.write(rows.get(i));
        if (i == rows.size() / 2) {
          CrashPoints.reach("sink_half_written");
        }
      }
      w.commit();
      done = true;
    } finally {
      if (!done) {
        w.abort();
      }
      w.close();
    }
    return "part-" + commitId;
  }

  @Override
  public void publish(long commitId) {
    Path stage = staging(commitId);
    if (!Files.isDirectory(stage)) {
      return;
    }
    try {
      List<Path> parts = new ArrayList<>();
      try (Stream<Path> s = Files.list(stage)) {
        s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(parts::add);
      }
      for (int i = 0; i < parts.size(); i++) {
        String file = parts.get(i).getFileName().toString();
        String ext = file.contains(".") ? file.substring(file.lastIndexOf('.')) : "";
        String target = String.format("part-%012d%s%s", commitId,
            parts.size() == 1 ? "" : "-" + i, ext);
        Files.move(parts.get(i), directory.resolve(target), StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
        if (i == 0) {
          CrashPoints.reach("sink_publishing");
        }
      }
      CheckpointStore.syncDirectory(directory);
      deleteTree(stage);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot publish part " + commitId + " in "
          + directory + ": " + e, e);
    }
  }

  private static void deleteTree(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot delete " + p + ": " + e, e);
    }
  }

  @Override
  public String describe() {
    return format + " directory " + directory + " (one part per micro-batch, atomic rename)";
  }
}
