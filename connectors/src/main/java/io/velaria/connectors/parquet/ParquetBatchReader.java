package io.velaria.connectors.parquet;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.Columns;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.type.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Reads the projected columns of one Parquet file. Only the projected column chunks are read;
 * row groups that statistics show cannot match a pushed predicate are skipped. Flat primitive
 * columns are decoded page by page by {@link ColumnChunkDecoder} straight into primitive
 * arrays; lists of numbers (vectors) and other nested fields are assembled per record.
 */
final class ParquetBatchReader implements BatchReader {
  private final Path file;
  private final ParquetFileReader reader;
  private final String createdBy;
  private final int width;
  private final long limit;
  private final ParquetTable.ScanCounter counter;
  /** Per output column: index into primitive or complex fields, or -1 for a NULL column. */
  private final int[] slot;
  private final boolean[] complex;
  private final DataType[] types;
  private final List<ParquetField> prim = new ArrayList<>();
  private final List<ParquetField> nested = new ArrayList<>();
  private final MessageType primSchema;
  private final MessageType nestedSchema;
  private final List<Integer> groups = new ArrayList<>();
  private final long skippedGroups;
  private int groupPos;
  private long remaining;
  private ColumnChunkDecoder[] decoders;
  private final PrimitiveColumnConverter[] converters;
  private RecordReader<Group> records;
  private final GroupJson json = new GroupJson();
  private long produced;
  private boolean counted;

  /**
   * Reads the row groups of {@code file} that statistics keep; of those, with {@code parts}
   * > 1, only every parts-th one starting at {@code part} (one of several parallel splits).
   */
  ParquetBatchReader(ParquetTable table, Path file, int[] projection,
      List<ColumnPredicate> predicates, long limit, ParquetTable.ScanCounter counter,
      int part, int parts) {
    this.file = file;
    this.limit = limit;
    this.counter = counter;
    this.width = projection.length;
    this.reader = ParquetFiles.open(file);
    try {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      slot = new int[width];
      complex = new boolean[width];
      types = new DataType[width];
      List<Type> primFields = new ArrayList<>();
      List<Type> nestedFields = new ArrayList<>();
      for (int j = 0; j < width; j++) {
        ColumnDef c = table.dataColumns.get(projection[j]);
        types[j] = c.type();
        Type f = field(schema, c.name());
        if (f == null) {
          slot[j] = -1;
          continue;
        }
        ParquetField m = ParquetField.of(f, c.type().kind() == io.velaria.engine.type.TypeKind
            .VECTOR ? c.type().dimension() : 0);
        if (m.shape == ParquetField.Shape.PRIMITIVE) {
          if (m.type.physical() != c.type().physical()) {
            throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + c.name()
                + "' is " + c.type().sqlName() + " in the table but " + m.type.sqlName()
                + " in Parquet file " + file);
          }
          slot[j] = indexOfField(primFields, f);
          if (slot[j] < 0) {
            slot[j] = primFields.size();
            primFields.add(f);
            prim.add(m);
          }
        } else {
          complex[j] = true;
          slot[j] = indexOfField(nestedFields, f);
          if (slot[j] < 0) {
            slot[j] = nestedFields.size();
            nestedFields.add(f);
            nested.add(m);
          }
        }
      }
      primSchema = new MessageType(schema.getName(), primFields);
      nestedSchema = new MessageType(schema.getName(), nestedFields);
      List<Type> all = new ArrayList<>(primFields);
      all.addAll(nestedFields);
      reader.setRequestedSchema(new MessageType(schema.getName(), all));
      List<BlockMetaData> blocks = reader.getRowGroups();
      long skipped = 0;
      int kept = 0;
      for (int g = 0; g < blocks.size(); g++) {
        if (blocks.get(g).getRowCount() == 0) {
          continue;
        }
        if (ParquetStats.canSkip(blocks.get(g), schema, table, predicates)) {
          // each split counts the skipped groups it would have read
          if (kept % parts == part) {
            skipped++;
          }
        } else {
          if (kept % parts == part) {
            groups.add(g);
          }
          kept++;
        }
      }
      skippedGroups = skipped;
      converters = new PrimitiveColumnConverter[prim.size()];
      for (int k = 0; k < prim.size(); k++) {
        converters[k] = new PrimitiveColumnConverter(prim.get(k));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static int indexOfField(List<Type> fields, Type f) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i) == f) {
        return i;
      }
    }
    return -1;
  }

  private static Type field(MessageType schema, String name) {
    for (Type f : schema.getFields()) {
      if (f.getName().equals(name)) {
        return f;
      }
    }
    for (Type f : schema.getFields()) {
      if (f.getName().equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  @Override
  public Batch next() {
    int max = Batch.DEFAULT_SIZE;
    if (limit >= 0) {
      if (produced >= limit) {
        finish();
        return null;
      }
      max = (int) Math.min(max, limit - produced);
    }
    while (remaining == 0) {
      if (groupPos >= groups.size()) {
        finish();
        return null;
      }
      openGroup(groups.get(groupPos++));
    }
    int n = (int) Math.min(max, remaining);
    int g = groups.get(groupPos - 1);
    try {
      Column[] primCols = new Column[prim.size()];
      for (int k = 0; k < prim.size(); k++) {
        primCols[k] = readPrimitive(k, n);
      }
      ColumnBuilder[] nestedCols = new ColumnBuilder[nested.size()];
      for (int k = 0; k < nested.size(); k++) {
        nestedCols[k] = new ColumnBuilder(nested.get(k).type, n);
      }
      if (!nested.isEmpty()) {
        for (int r = 0; r < n; r++) {
          Group rec = records.read();
          for (int k = 0; k < nested.size(); k++) {
            ParquetField m = nested.get(k);
            if (m.shape == ParquetField.Shape.VECTOR) {
              float[] v = GroupJson.vector(rec, k);
              if (v != null && v.length != m.type.dimension()) {
                throw new VelariaException(SqlStates.INVALID_TEXT_REPRESENTATION, "a list of "
                    + v.length + " numbers in column '" + m.field.getName() + "' of "
                    + m.type.sqlName() + " in Parquet file " + file + ", row group " + g
                    + ", row " + (rowInGroup(g) + r));
              }
              nestedCols[k].appendVector(v != null && v.length == 0 ? null : v);
            } else {
              nestedCols[k].appendString(json.render(rec, k));
            }
          }
        }
      }
      remaining -= n;
      produced += n;
      Column[] out = new Column[width];
      Column[] builtNested = new Column[nested.size()];
      for (int k = 0; k < builtNested.length; k++) {
        builtNested[k] = nestedCols[k].build();
      }
      for (int j = 0; j < width; j++) {
        if (slot[j] < 0) {
          out[j] = Columns.constant(types[j], null, n);
        } else if (complex[j]) {
          out[j] = builtNested[slot[j]];
        } else {
          out[j] = primCols[slot[j]];
        }
      }
      return new Batch(out, n);
    } catch (VelariaException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.readError(file, g, e);
    }
  }

  private long groupRows;

  private long rowInGroup(int g) {
    return groupRows - remaining;
  }

  private void openGroup(int g) {
    try {
      PageReadStore pages = reader.readRowGroup(g);
      remaining = pages.getRowCount();
      groupRows = remaining;
      decoders = new ColumnChunkDecoder[prim.size()];
      List<ColumnDescriptor> cds = primSchema.getColumns();
      for (int k = 0; k < prim.size(); k++) {
        decoders[k] = new ColumnChunkDecoder(cds.get(k), pages.getPageReader(cds.get(k)),
            converters[k]);
      }
      if (!nested.isEmpty()) {
        records = new ColumnIOFactory(createdBy).getColumnIO(nestedSchema, nestedSchema, true)
            .getRecordReader(pages, new GroupRecordConverter(nestedSchema));
      }
    } catch (IOException | RuntimeException e) {
      throw ParquetFiles.readError(file, g, e);
    }
  }

  private Column readPrimitive(int k, int n) throws IOException {
    PrimitiveColumnConverter c = converters[k];
    c.start(n);
    decoders[k].read(n);
    return c.build(n);
  }

  private void finish() {
    if (!counted) {
      counted = true;
      counter.fileDone(groups.size(), skippedGroups);
    }
  }

  @Override
  public void close() {
    try {
      reader.close();
    } catch (IOException ignored) {
      // read-only
    }
  }
}
