package io.velaria.engine.exec;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.Columns;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.operator.Operator;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Builds batches from rows and collects operator output as rows, for tests. */
public final class TestBatches {
  private TestBatches() {}

  public static ExecContext ctx() {
    return ctx(1L << 30, 1024);
  }

  public static ExecContext ctx(long memoryLimit, int batchSize) {
    return new ExecContext(new MemoryTracker(memoryLimit), new QueryControl(), List.of(), null,
        1, batchSize);
  }

  /** One batch; values in the internal representation (Long, Double, String, ...) or null. */
  public static Batch of(DataType[] types, Object[]... rows) {
    return of(types, Arrays.asList(rows));
  }

  public static Batch of(DataType[] types, List<Object[]> rows) {
    Column[] cols = new Column[types.length];
    for (int c = 0; c < types.length; c++) {
      ColumnBuilder b = new ColumnBuilder(types[c], rows.size());
      for (Object[] row : rows) {
        b.appendObject(row[c]);
      }
      cols[c] = b.build();
    }
    return new Batch(cols, rows.size());
  }

  /** Rows split into batches of {@code batchSize} rows. */
  public static List<Batch> batches(DataType[] types, List<Object[]> rows, int batchSize) {
    List<Batch> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i += batchSize) {
      out.add(of(types, rows.subList(i, Math.min(rows.size(), i + batchSize))));
    }
    return out;
  }

  public static ListOperator source(DataType[] types, List<Object[]> rows, int batchSize) {
    return new ListOperator(batches(types, rows, batchSize));
  }

  /** Every row the operator returns, then closes it. */
  public static List<List<Object>> collect(Operator op) {
    List<List<Object>> out = new ArrayList<>();
    try (op) {
      Batch b;
      while ((b = op.next()) != null) {
        for (int r = 0; r < b.rowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < b.columnCount(); c++) {
            row.add(b.column(c).getObject(r));
          }
          out.add(row);
        }
      }
    }
    return out;
  }

  /** Rows as lists, for comparing with collected output. */
  public static List<List<Object>> rows(List<Object[]> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(Arrays.asList(r));
    }
    return out;
  }

  /** A copy sorted by string form, to compare row multisets. */
  public static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> out = new ArrayList<>(rows);
    out.sort(Comparator.comparing(Object::toString));
    return out;
  }

  /** A BOOLEAN evaluator computed row by row from the row's values (may return null). */
  public static Evaluator predicate(Function<List<Object>, Boolean> f) {
    return new Evaluator() {
      @Override
      public DataType type() {
        return DataType.BOOLEAN;
      }

      @Override
      public Column evaluate(Batch input) {
        ColumnBuilder b = new ColumnBuilder(DataType.BOOLEAN, input.rowCount());
        for (int r = 0; r < input.rowCount(); r++) {
          List<Object> row = new ArrayList<>();
          for (int c = 0; c < input.columnCount(); c++) {
            row.add(input.column(c).getObject(r));
          }
          b.appendObject(f.apply(row));
        }
        Column c = b.build();
        return c.size() == 0 ? Columns.constant(DataType.BOOLEAN, true, 0) : c;
      }
    };
  }
}
