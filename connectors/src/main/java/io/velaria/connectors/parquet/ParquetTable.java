package io.velaria.connectors.parquet;

import io.velaria.connectors.common.FileSet;
import io.velaria.connectors.common.MultiFileReader;
import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/** Parquet files (one, a directory or a glob) opened as a table. */
final class ParquetTable implements ConnectorTable {
  static final Set<String> OPTIONS = Set.of("path", "compression", "filename",
      "row_group_rows");

  final FileSet files;
  final List<ColumnDef> columns;
  final List<ColumnDef> dataColumns;
  final boolean filename;
  final TableSpec spec;
  private final long rows;
  /** Row groups read and skipped by statistics in the last scan, for EXPLAIN and tests. */
  final AtomicLong lastRead = new AtomicLong(-1);
  final AtomicLong lastSkipped = new AtomicLong(-1);

  private ParquetTable(TableSpec spec, FileSet files, List<ColumnDef> columns,
      List<ColumnDef> dataColumns, boolean filename, long rows) {
    this.spec = spec;
    this.files = files;
    this.columns = columns;
    this.dataColumns = dataColumns;
    this.filename = filename;
    this.rows = rows;
  }

  static ParquetTable open(TableSpec spec) {
    FileSet.checkOptions(spec, "parquet", OPTIONS);
    ParquetWriters.codec(spec); // validates the option
    boolean filename = FileSet.booleanOption(spec, "filename", false);
    FileSet fs = FileSet.of(spec);
    List<ColumnDef> declared = spec.declaredColumns();
    if (filename && !declared.isEmpty()) {
      if (!declared.get(declared.size() - 1).name().equalsIgnoreCase("filename")) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "with filename: 'true' the last"
            + " declared column must be 'filename' VARCHAR");
      }
      declared = declared.subList(0, declared.size() - 1);
    }
    List<Path> list = existing(fs, !declared.isEmpty());
    long total = 0;
    List<ColumnDef> data = declared;
    for (int i = 0; i < list.size(); i++) {
      try (ParquetFileReader r = ParquetFiles.open(list.get(i))) {
        total += r.getRecordCount();
        MessageType schema = r.getFooter().getFileMetaData().getSchema();
        if (i == 0) {
          List<ColumnDef> found = new ArrayList<>();
          for (Type f : schema.getFields()) {
            int dim = ParquetField.isNumberList(f) ? vectorDimension(r, schema, f, list.get(i))
                : 0;
            ParquetField m = ParquetField.of(f, dim);
            found.add(new ColumnDef(f.getName(), m.type,
                !f.isRepetition(Type.Repetition.REQUIRED)));
          }
          if (declared.isEmpty()) {
            data = found;
          } else {
            check(declared, found, list.get(i));
          }
        }
      } catch (IOException e) {
        throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + list.get(i) + ": " + e,
            e);
      }
    }
    if (data.isEmpty()) {
      throw new VelariaException(SqlStates.IO_ERROR, fs.isMulti()
          ? "no Parquet files in " + fs.display() + "; declare the columns to create an empty"
              + " table to insert into" : "file not found: " + fs.path());
    }
    List<ColumnDef> cols = new ArrayList<>(data);
    if (filename) {
      cols.add(ColumnDef.of("filename", DataType.VARCHAR));
    }
    return new ParquetTable(spec, fs, List.copyOf(cols), List.copyOf(data), filename, total);
  }

  /** The files; a missing single file is allowed (an empty table) when columns are declared. */
  static List<Path> existing(FileSet fs, boolean declared) {
    if (fs.isMulti()) {
      return fs.list();
    }
    if (!Files.exists(fs.path()) && declared && fs.path().getParent() != null
        && Files.isDirectory(fs.path().getParent())) {
      return List.of();
    }
    return fs.files();
  }

  private static void check(List<ColumnDef> declared, List<ColumnDef> found, Path file) {
    for (ColumnDef d : declared) {
      ColumnDef f = null;
      for (ColumnDef c : found) {
        if (c.name().equalsIgnoreCase(d.name())) {
          f = c;
        }
      }
      if (f == null) {
        throw new VelariaException(SqlStates.UNDEFINED_COLUMN, "column '" + d.name()
            + "' is not in Parquet file " + file + "; its columns are " + names(found));
      }
      if (f.type().physical() != d.type().physical()
          || (f.type().kind() == TypeKind.DECIMAL) != (d.type().kind() == TypeKind.DECIMAL)
          || f.type().kind().isTemporal() != d.type().kind().isTemporal()
          || (d.type().kind() == TypeKind.DECIMAL && d.type().scale() != f.type().scale())
          || (d.type().kind() == TypeKind.VECTOR
              && d.type().dimension() != f.type().dimension())) {
        throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + d.name()
            + "' is declared " + d.type().sqlName() + " but Parquet file " + file
            + " holds " + f.type().sqlName());
      }
    }
  }

  private static String names(List<ColumnDef> cols) {
    List<String> n = new ArrayList<>();
    cols.forEach(c -> n.add(c.name() + " " + c.type().sqlName()));
    return n.toString();
  }

  /** The length of the first non-empty list of a list-of-numbers field; 0 when none. */
  private static int vectorDimension(ParquetFileReader r, MessageType schema, Type f,
      Path file) {
    MessageType one = new MessageType(schema.getName(), f);
    r.setRequestedSchema(one);
    for (int g = 0; g < r.getRowGroups().size(); g++) {
      BlockMetaData b = r.getRowGroups().get(g);
      try {
        PageReadStore pages = r.readRowGroup(g);
        RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(one, one, true)
            .getRecordReader(pages, new GroupRecordConverter(one));
        for (long i = 0; i < Math.min(b.getRowCount(), 1000); i++) {
          float[] v = GroupJson.vector(rr.read(), 0);
          if (v != null && v.length > 0) {
            return v.length;
          }
        }
      } catch (IOException | RuntimeException e) {
        throw ParquetFiles.readError(file, g, e);
      }
    }
    return 0;
  }

  @Override
  public List<ColumnDef> columns() {
    return columns;
  }

  @Override
  public long estimatedRowCount() {
    return rows;
  }

  @Override
  public BatchReader read(ReadRequest request) {
    List<Path> list = existing(files, true);
    return reader(list, request, new ScanCounter(list.size()), 0, 1);
  }

  /**
   * Parallel splits: with at least as many files as splits, contiguous groups of whole files;
   * otherwise every split reads every file's footer and takes every n-th of its row groups,
   * so even a single file is read on all cores.
   */
  @Override
  public List<BatchReader> split(ReadRequest request, int maxSplits) {
    List<Path> list = existing(files, true);
    if (maxSplits <= 1 || list.isEmpty() || (list.size() == 1 && rowGroups(list.get(0)) < 2)) {
      return List.of(read(request));
    }
    List<BatchReader> out = new ArrayList<>();
    if (list.size() >= maxSplits) {
      ScanCounter counter = new ScanCounter(list.size());
      for (int k = 0; k < maxSplits; k++) {
        out.add(reader(list.subList(k * list.size() / maxSplits,
            (k + 1) * list.size() / maxSplits), request, counter, 0, 1));
      }
      return out;
    }
    ScanCounter counter = new ScanCounter(list.size() * maxSplits);
    for (int k = 0; k < maxSplits; k++) {
      out.add(reader(list, request, counter, k, maxSplits));
    }
    return out;
  }

  private BatchReader reader(List<Path> list, ReadRequest request, ScanCounter counter,
      int part, int parts) {
    return new MultiFileReader(list, request.columns(), filename ? columns.size() - 1 : -1,
        request.limit(), (file, projection, limit) -> new ParquetBatchReader(this, file,
            projection, request.predicates(), limit, counter, part, parts));
  }

  private static int rowGroups(Path file) {
    try (ParquetFileReader r = ParquetFiles.open(file)) {
      return r.getRowGroups().size();
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read " + file + ": " + e, e);
    }
  }

  /** Adds up row groups over the file readers of one scan (split readers run in parallel). */
  final class ScanCounter {
    private int remaining;
    private long read;
    private long skipped;

    ScanCounter(int readers) {
      remaining = readers;
      if (readers == 0) {
        lastRead.set(0);
        lastSkipped.set(0);
      }
    }

    synchronized void fileDone(long readGroups, long skippedGroups) {
      read += readGroups;
      skipped += skippedGroups;
      if (--remaining == 0) {
        lastRead.set(read);
        lastSkipped.set(skipped);
      }
    }
  }

  int indexOf(String name) {
    for (int i = 0; i < dataColumns.size(); i++) {
      if (dataColumns.get(i).name().toLowerCase(Locale.ROOT)
          .equals(name.toLowerCase(Locale.ROOT))) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("parquet path=").append(files.display());
    if (lastRead.get() >= 0) {
      sb.append(" row_groups_read=").append(lastRead.get()).append(" row_groups_skipped=")
          .append(lastSkipped.get()).append(" (last scan)");
    }
    if (filename) {
      sb.append(" filename=true");
    }
    return sb.toString();
  }
}
