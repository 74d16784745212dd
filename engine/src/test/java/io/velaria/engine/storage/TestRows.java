package io.velaria.engine.storage;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Builds batches from plain values and turns batches back into comparable rows. */
final class TestRows {
  private TestRows() {}

  /** The schema the crash and store tests use: id, a nullable label, a vector. */
  static final List<ColumnDef> NUMBERED = List.of(
      ColumnDef.of("id", DataType.BIGINT),
      ColumnDef.of("label", DataType.VARCHAR),
      ColumnDef.of("vec", DataType.vector(2)));

  /** Rows {@code from .. from+count-1} of the NUMBERED schema. */
  static Batch numbered(long from, int count) {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = from; id < from + count; id++) {
      rows.add(numberedRow(id));
    }
    return batch(types(NUMBERED), rows);
  }

  static List<Object> numberedRow(long id) {
    List<Object> row = new ArrayList<>();
    row.add(id);
    row.add(id % 7 == 0 ? null : "row-" + id);
    row.add(new float[] {id, id + 0.5f});
    return row;
  }

  static List<DataType> types(List<ColumnDef> columns) {
    return columns.stream().map(ColumnDef::type).toList();
  }

  /** A batch from rows of internal-representation values. */
  static Batch batch(List<DataType> types, List<List<Object>> rows) {
    Column[] cols = new Column[types.size()];
    for (int c = 0; c < cols.length; c++) {
      ColumnBuilder b = new ColumnBuilder(types.get(c));
      for (List<Object> row : rows) {
        b.appendObject(row.get(c));
      }
      cols[c] = b.build();
    }
    return new Batch(cols, rows.size());
  }

  /** All rows of the batches, with arrays made comparable by equals. */
  static List<List<Object>> rows(List<Batch> batches) {
    List<List<Object>> out = new ArrayList<>();
    for (Batch b : batches) {
      for (int r = 0; r < b.rowCount(); r++) {
        List<Object> row = new ArrayList<>();
        for (int c = 0; c < b.columnCount(); c++) {
          row.add(comparable(b.column(c).getObject(r)));
        }
        out.add(row);
      }
    }
    return out;
  }

  static List<List<Object>> comparableRows(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (List<Object> row : rows) {
      List<Object> r = new ArrayList<>();
      for (Object v : row) {
        r.add(comparable(v));
      }
      out.add(r);
    }
    return out;
  }

  static Object comparable(Object v) {
    if (v instanceof byte[] bytes) {
      return "bytes:" + HexFormat.of().formatHex(bytes);
    }
    if (v instanceof float[] floats) {
      List<Float> list = new ArrayList<>();
      for (float f : floats) {
        list.add(f);
      }
      return list;
    }
    return v;
  }
}
