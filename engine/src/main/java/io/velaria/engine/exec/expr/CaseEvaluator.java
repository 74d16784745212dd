package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.ColumnBuilder;
import io.velaria.engine.column.Columns;
import io.velaria.engine.type.DataType;
import java.util.List;

/**
 * CASE WHEN c1 THEN v1 ... ELSE e END. Each branch value is computed only on the rows that
 * take it, so a branch that would fail on other rows (a cast, a division) does not.
 */
final class CaseEvaluator implements Evaluator {
  private final List<Evaluator> conditions;
  private final List<Evaluator> values;
  private final Evaluator otherwise;
  private final DataType type;

  CaseEvaluator(List<Evaluator> conditions, List<Evaluator> values, Evaluator otherwise,
      DataType type) {
    this.conditions = List.copyOf(conditions);
    this.values = List.copyOf(values);
    this.otherwise = otherwise;
    this.type = type;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    int n = input.rowCount();
    int branches = conditions.size();
    int[] branchOf = new int[n];
    java.util.Arrays.fill(branchOf, -1);
    int[] positions = identity(n);
    int count = n;
    // each condition is evaluated only on rows no earlier condition took
    for (int b = 0; b < branches && count > 0; b++) {
      Batch sub = count == n ? input : input.select(positions, count);
      BooleanColumn c = (BooleanColumn) conditions.get(b).evaluate(sub);
      int kept = 0;
      for (int i = 0; i < count; i++) {
        if (!c.isNull(i) && c.get(i)) {
          branchOf[positions[i]] = b;
        } else {
          positions[kept++] = positions[i];
        }
      }
      count = kept;
    }
    Column[] results = new Column[branches + 1];
    int[][] rowsOf = new int[branches + 1][];
    int[] sizes = new int[branches + 1];
    for (int b = 0; b <= branches; b++) {
      rowsOf[b] = new int[n];
    }
    for (int i = 0; i < n; i++) {
      int b = branchOf[i] < 0 ? branches : branchOf[i];
      rowsOf[b][sizes[b]++] = i;
    }
    for (int b = 0; b <= branches; b++) {
      if (sizes[b] == 0) {
        continue;
      }
      Evaluator e = b < branches ? values.get(b) : otherwise;
      if (e == null) {
        results[b] = Columns.constant(type, null, sizes[b]);
      } else {
        Batch sub = sizes[b] == n ? input : input.select(rowsOf[b], sizes[b]);
        results[b] = e.evaluate(sub);
      }
      if (sizes[b] == n) {
        return results[b];
      }
    }
    ColumnBuilder out = new ColumnBuilder(type, n);
    int[] next = new int[branches + 1];
    for (int i = 0; i < n; i++) {
      int b = branchOf[i] < 0 ? branches : branchOf[i];
      out.appendFrom(results[b], next[b]++);
    }
    return out.build();
  }

  private static int[] identity(int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    return p;
  }
}
