package io.velaria.engine.stream;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.TableWriter;
import io.velaria.engine.stream.spi.StreamSink;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A sink into one file: rows are appended (the format's writer adds a CSV header to an empty
 * file) and fsynced before the checkpoint; the checkpoint stores the file length, and recovery
 * truncates the file back to it, which drops rows of a micro-batch that never committed.
 */
final class FileSink implements StreamSink {
  private final Database database;
  private final String name;
  private final String format;
  private final List<ColumnDef> columns;
  private final Map<String, String> options;
  private final Path file;

  FileSink(Database database, String name, String format, List<ColumnDef> columns,
      Map<String, String> options, Path file) {
    this.database = database;
    this.name = name;
    this.format = format;
    this.columns = columns;
    this.options = options;
    this.file = file;
  }

  @Override
  public void recover(long commitId, String committedState) {
    if (committedState == null || !Files.exists(file)) {
      return;
    }
    long length = Long.parseLong(committedState);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > length) {
        ch.truncate(length);
        ch.force(true);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot recover sink file " + file + ": "
          + e, e);
    }
  }

  @Override
  public String prepare(long commitId, List<Batch> rows) {
    if (!rows.isEmpty()) {
      TableWriter w = database.connector(format).writer(
          database.tableSpec(name, columns, options), columns);
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
    }
    try {
      return Long.toString(Files.exists(file) ? Files.size(file) : 0);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot stat " + file + ": " + e, e);
    }
  }

  @Override
  public String describe() {
    return format + " file " + file + " (append, truncate to the checkpointed length)";
  }
}
