package io.velaria.connectors.arrow;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/** Arrow IPC files or streams opened as a table. */
final class ArrowTable implements ConnectorTable {
  static final Set<String> OPTIONS = Set.of("path", "filename");

  final FileSet files;
  final List<ColumnDef> columns;
  final List<ColumnDef> dataColumns;
  final boolean filename;
  private final long rows;

  private ArrowTable(FileSet files, List<ColumnDef> columns, List<ColumnDef> dataColumns,
      boolean filename, long rows) {
    this.files = files;
    this.columns = columns;
    this.dataColumns = dataColumns;
    this.filename = filename;
    this.rows = rows;
  }

  static ArrowTable open(TableSpec spec) {
    FileSet.checkOptions(spec, "arrow", OPTIONS);
    boolean filename = FileSet.booleanOption(spec, "filename", false);
    FileSet fs = FileSet.of(spec);
    List<Path> list = fs.files();
    List<ColumnDef> declared = spec.declaredColumns();
    if (filename && !declared.isEmpty()) {
      declared = declared.subList(0, declared.size() - 1);
    }
    List<ColumnDef> found = new ArrayList<>();
    long rows;
    try (ArrowIpc ipc = ArrowIpc.open(list.get(0))) {
      Schema schema = ipc.schema();
      for (Field f : schema.getFields()) {
        found.add(new ColumnDef(f.getName(), ArrowColumns.type(f), f.isNullable()));
      }
      rows = -1;
    }
    List<ColumnDef> data = declared.isEmpty() ? found : declared;
    if (!declared.isEmpty()) {
      for (ColumnDef d : declared) {
        ColumnDef f = found.stream().filter(c -> c.name().equalsIgnoreCase(d.name()))
            .findFirst().orElseThrow(() -> new VelariaException(SqlStates.UNDEFINED_COLUMN,
                "column '" + d.name() + "' is not in Arrow file " + list.get(0)));
        if (f.type().physical() != d.type().physical()) {
          throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + d.name()
              + "' is declared " + d.type().sqlName() + " but Arrow file " + list.get(0)
              + " holds " + f.type().sqlName());
        }
      }
    }
    List<ColumnDef> cols = new ArrayList<>(data);
    if (filename) {
      cols.add(ColumnDef.of("filename", DataType.VARCHAR));
    }
    return new ArrowTable(fs, List.copyOf(cols), List.copyOf(data), filename, rows);
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
    return new MultiFileReader(files.files(), request.columns(),
        filename ? columns.size() - 1 : -1, request.limit(),
        (file, projection, limit) -> new ArrowBatchReader(this, file, projection));
  }

  @Override
  public String describe() {
    return "arrow path=" + files.display() + (filename ? " filename=true" : "");
  }
}
