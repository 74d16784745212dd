package io.velaria.connectors;

import io.velaria.engine.catalog.ColumnDef;
import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.spi.BatchReader;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.Connector;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.ReadRequest;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: open tables and read them into rows of internal values. */
public final class Tables {
  private Tables() {}

  public static TableSpec spec(Path dir, List<ColumnDef> declared, String... kv) {
    Map<String, String> o = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      o.put(kv[i], kv[i + 1]);
    }
    return new TableSpec("t", declared, o, dir);
  }

  public static ConnectorTable open(Connector c, Path dir, String... kv) {
    return c.open(spec(dir, List.of(), kv));
  }

  public static List<List<Object>> rows(ConnectorTable t) {
    return rows(t, all(t), List.of());
  }

  public static int[] all(ConnectorTable t) {
    int[] p = new int[t.columns().size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = i;
    }
    return p;
  }

  public static List<List<Object>> rows(ConnectorTable t, int[] projection,
      List<ColumnPredicate> preds) {
    List<List<Object>> out = new ArrayList<>();
    try (BatchReader r = t.read(new ReadRequest(projection, preds, -1))) {
      Batch b;
      while ((b = r.next()) != null) {
        for (int i = 0; i < b.rowCount(); i++) {
          List<Object> row = new ArrayList<>();
          for (int j = 0; j < b.columnCount(); j++) {
            Object v = b.column(j).getObject(i);
            row.add(v instanceof float[] ? toList((float[]) v)
                : v instanceof byte[] ? Arrays.toString((byte[]) v) : v);
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  private static List<Float> toList(float[] v) {
    List<Float> l = new ArrayList<>();
    for (float f : v) {
      l.add(f);
    }
    return l;
  }

  public static List<String> schema(ConnectorTable t) {
    List<String> out = new ArrayList<>();
    for (ColumnDef c : t.columns()) {
      out.add(c.name() + " " + c.type().sqlName());
    }
    return out;
  }

  /** A batch from rows of internal values. */
  public static Batch batch(List<ColumnDef> cols, Object[]... rows) {
    Column[] out = new Column[cols.size()];
    for (int j = 0; j < out.length; j++) {
      ColumnBuilder b = new ColumnBuilder(cols.get(j).type());
      for (Object[] r : rows) {
        b.appendObject(r[j]);
      }
      out[j] = b.build();
    }
    return new Batch(out, rows.length);
  }
}
