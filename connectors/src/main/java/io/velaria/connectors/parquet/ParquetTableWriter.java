package io.velaria.connectors.parquet;

import io.velaria.connectors.common.FileSet;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.spi.TableWriter;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * INSERT into a Parquet table. Rows go to a hidden temporary file next to the target; commit
 * makes them visible with an atomic rename. A directory table gets one new
 * {@code part-<time>-<id>.parquet} file per commit; a single-file table is rewritten with its
 * old rows followed by the new ones (Parquet files cannot be appended to in place).
 */
final class ParquetTableWriter implements TableWriter {
  private final TableSpec spec;
  private final List<ColumnDef> columns;
  private final Path target;
  private final boolean directory;
  private final CompressionCodecName codec;
  private final int rowGroupRows;
  private Path temp;
  private ParquetWriters.BatchFileWriter writer;

  ParquetTableWriter(TableSpec spec, List<ColumnDef> columns) {
    this.spec = spec;
    this.codec = ParquetWriters.codec(spec);
    String rg = spec.option("row_group_rows");
    this.rowGroupRows = rg == null ? 0 : Integer.parseInt(rg.trim());
    FileSet fs = FileSet.of(spec);
    if (FileSet.hasGlob(spec.option("path"))) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "cannot insert into a Parquet table over a glob (" + fs.display() + ")");
    }
    this.target = fs.path();
    this.directory = fs.isDirectory();
    boolean filename = FileSet.booleanOption(spec, "filename", false);
    this.columns = filename ? columns.subList(0, columns.size() - 1) : columns;
    if (filename) {
      throw new VelariaException(SqlStates.WRONG_OBJECT_TYPE,
          "cannot insert into a Parquet table with a filename column");
    }
  }

  @Override
  public void write(Batch batch) {
    if (writer == null) {
      Path dir = directory ? target : target.getParent();
      try {
        Files.createDirectories(dir);
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot create directory " + dir + ": "
            + e, e);
      }
      temp = dir.resolve(".velaria-" + UUID.randomUUID() + ".parquet.tmp");
      writer = ParquetWriters.open(temp, columns, codec, rowGroupRows);
      if (!directory && Files.exists(target)) {
        copyExisting();
      }
    }
    writer.write(batch);
  }

  private void copyExisting() {
    ParquetTable old = ParquetTable.open(new TableSpec(spec.tableName(), columns,
        spec.options(), spec.workingDirectory()));
    int[] all = new int[columns.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    try (BatchReader r = old.read(new ReadRequest(all, List.of(), -1))) {
      Batch b;
      while ((b = r.next()) != null) {
        writer.write(b);
      }
    }
  }

  @Override
  public void commit() {
    if (writer == null) {
      return;
    }
    writer.close();
    writer = null;
    Path dest = directory ? target.resolve("part-" + System.currentTimeMillis() + "-"
        + UUID.randomUUID().toString().substring(0, 8) + ".parquet") : target;
    try {
      try {
        Files.move(temp, dest, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, dest, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot commit Parquet file " + dest
          + ": " + e, e);
    }
    temp = null;
  }

  @Override
  public void abort() {
    if (writer != null) {
      try {
        writer.close();
      } catch (RuntimeException ignored) {
        // discarding anyway
      }
      writer = null;
    }
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // a stray hidden file is skipped by readers
      }
      temp = null;
    }
  }
}
