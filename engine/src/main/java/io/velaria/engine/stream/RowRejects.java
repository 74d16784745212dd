package io.velaria.engine.stream;

import io.velaria.engine.catalog.TableDefinition;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code on_error: 'skip'} for line-based sources (csv, tsv, json lines): a file that fails to
 * parse is read again line by line; lines that fail go to the rejects file as
 * {@code <file>:<line>\t<text>} and are counted. Rejects are written before the micro-batch's
 * checkpoint, so after a crash a rejected line may be listed twice (never lost). CSV fields
 * with embedded line breaks are not supported in this fallback.
 */
final class RowRejects {
  private static final Set<String> LINE_FORMATS = Set.of("csv", "tsv", "json");

  private final Database database;
  private final TableDefinition table;
  private final Path path;

  RowRejects(Database database, TableDefinition table, Path directory) {
    this.database = database;
    this.table = table;
    String format = table.format().toLowerCase(Locale.ROOT);
    if (!LINE_FORMATS.contains(format)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "on_error: 'skip' works for csv, tsv and json sources, not " + format);
    }
    String custom = table.options().get(StreamOptions.REJECTS_PATH);
    this.path = custom != null ? Path.of(custom)
        : directory.resolve("_rejects").resolve(table.name() + ".rejects");
  }

  Path path() {
    return path;
  }

  FileDirectorySource.FileRows readSkipping(Path file, FileDirectorySource source) {
    try {
      return source.readFile(file);
    } catch (VelariaException whole) {
      return readLineByLine(file, source);
    }
  }

  private FileDirectorySource.FileRows readLineByLine(Path file, FileDirectorySource source) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + file + ": " + e, e);
    }
    boolean csvHeader = !table.format().equalsIgnoreCase("json")
        && !"false".equalsIgnoreCase(table.options().getOrDefault("header", "true"));
    int first = csvHeader ? 1 : 0;
    String header = csvHeader && !lines.isEmpty() ? lines.get(0) + "\n" : "";
    List<Batch> out = new ArrayList<>();
    List<String> rejected = new ArrayList<>();
    long rows = 0;
    Path scratch = null;
    try {
      scratch = Files.createTempFile("velaria-row-", "." + table.format());
      for (int i = first; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.isBlank()) {
          continue;
        }
        Files.writeString(scratch, header + line + "\n", StandardCharsets.UTF_8);
        try {
          FileDirectorySource.FileRows one = source.readFile(scratch);
          out.addAll(one.batches());
          rows += one.rows();
        } catch (VelariaException bad) {
          rejected.add(file.getFileName() + ":" + (i + 1) + "\t" + line);
        }
      }
      if (!rejected.isEmpty()) {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Files.write(path, rejected, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot write rejects for " + file
          + " to " + path + ": " + e, e);
    } finally {
      if (scratch != null) {
        try {
          Files.deleteIfExists(scratch);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
    return new FileDirectorySource.FileRows(out, rows, rejected.size());
  }
}
