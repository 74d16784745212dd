package io.velaria.engine.stream;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.stream.spi.SourcePoll;
import io.velaria.engine.stream.spi.StreamSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A directory of files as a stream: every complete file is new data, taken in name order (then
 * modification time). A file is complete when it is visible (names starting with '.' or '_' are
 * skipped, so writers rename finished files into place) and unchanged for {@code settle_ms}.
 * The offset is the set of file names already taken, so files are read once each.
 */
final class FileDirectorySource implements StreamSource {
  private final Database database;
  private final TableDefinition table;
  private final Path directory;
  private final long settleMs;
  private final RowRejects rejects;

  FileDirectorySource(Database database, TableDefinition table) {
    this.database = database;
    this.table = table;
    TableSpec spec = database.tableSpec(table.name(), table.columns(), table.options());
    String path = spec.option("path");
    if (path == null || path.isBlank()) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "source table '" + table.name() + "' needs OPTIONS(path: '<directory>')");
    }
    Path p = Path.of(path);
    this.directory = spec.workingDirectory() == null || p.isAbsolute() ? p
        : spec.workingDirectory().resolve(p);
    this.settleMs = StreamOptions.nonNegativeLong(table.options(), StreamOptions.SETTLE_MS, 0);
    this.rejects = StreamOptions.skipErrors(table.options())
        ? new RowRejects(database, table, directory) : null;
  }

  @Override
  public List<ColumnDef> columns() {
    return table.columns();
  }

  @Override
  public SourcePoll poll(String offset, int maxUnits) {
    Set<String> taken = decode(offset);
    List<Path> fresh = newFiles(taken);
    if (fresh.isEmpty()) {
      return SourcePoll.empty(offset, position(offset));
    }
    List<Path> chosen = fresh.subList(0, Math.min(maxUnits, fresh.size()));
    List<Batch> batches = new ArrayList<>();
    List<String> names = new ArrayList<>(offset == null || offset.isEmpty() ? List.of()
        : List.of(offset.split("\n")));
    long rows = 0;
    long skipped = 0;
    for (Path f : chosen) {
      FileRows read = rejects == null ? readFile(f) : rejects.readSkipping(f, this);
      batches.addAll(read.batches());
      rows = read.rows();
      skipped += read.skipped();
      names.add(f.getFileName().toString());
    }
    String last = chosen.get(chosen.size() - 1).getFileName().toString();
    return new SourcePoll(batches, String.join("\n", names), last + " row " + rows,
        chosen.size(), skipped);
  }

  /** The rows of one file, and how many were skipped as malformed. */
  record FileRows(List<Batch> batches, long rows, long skipped) {}

  FileRows readFile(Path file) {
    Map<String, String> options = new LinkedHashMap<>(
        StreamOptions.forConnector(table.options()));
    options.put("path", file.toString());
    ConnectorTable t = database.connector(table.format()).open(
        database.tableSpec(table.name(), table.columns(), options));
    int[] all = new int[table.columns().size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    List<Batch> out = new ArrayList<>();
    long rows = 0;
    try (BatchReader r = t.read(new ReadRequest(all, List.of(), -1))) {
      Batch b;
      while ((b = r.next()) != null) {
        if (b.rowCount() > 0) {
          out.add(b);
          rows += b.rowCount();
        }
      }
    }
    return new FileRows(out, rows, 0);
  }

  @Override
  public long backlog(String offset) {
    return newFiles(decode(offset)).size();
  }

  private List<Path> newFiles(Set<String> taken) {
    if (!Files.isDirectory(directory)) {
      throw new VelariaException(SqlStates.IO_ERROR, "source table '" + table.name()
          + "': directory " + directory + " does not exist");
    }
    long now = System.currentTimeMillis();
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(directory)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        String name = p.getFileName().toString();
        if (name.startsWith(".") || name.startsWith("_") || taken.contains(name)
            || !Files.isRegularFile(p)) {
          continue;
        }
        if (settleMs > 0 && now - Files.getLastModifiedTime(p).toMillis() < settleMs) {
          continue; // may still be written
        }
        out.add(p);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot list " + directory + ": " + e, e);
    }
    out.sort(Comparator.comparing((Path p) -> p.getFileName().toString())
        .thenComparingLong(FileDirectorySource::modified));
    return out;
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  private static Set<String> decode(String offset) {
    Set<String> out = new HashSet<>();
    if (offset != null && !offset.isEmpty()) {
      out.addAll(List.of(offset.split("\n")));
    }
    return out;
  }

  private static String position(String offset) {
    if (offset == null || offset.isEmpty()) {
      return "";
    }
    int nl = offset.lastIndexOf('\n');
    return nl < 0 ? offset : offset.substring(nl + 1);
  }

  @Override
  public String describe() {
    return table.format() + " files in " + directory
        + (settleMs > 0 ? " (settle " + settleMs + " ms)" : "")
        + (rejects != null ? " (on_error skip -> " + rejects.path() + ")" : "");
  }
}
