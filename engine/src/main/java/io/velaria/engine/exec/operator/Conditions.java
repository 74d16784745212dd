package io.velaria.engine.exec.operator;

import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;

/** Reading a condition column the SQL way: only TRUE selects a row; FALSE and NULL do not. */
public final class Conditions {
  private Conditions() {}

  /**
   * Writes the positions of rows {@code 0..n} where {@code cond} is TRUE to {@code out} and
   * returns how many. A column that is not BOOLEAN can only come from an untyped NULL
   * condition: it selects nothing.
   */
  public static int trueRows(Column cond, int n, int[] out) {
    if (!(cond instanceof BooleanColumn)) {
      return 0;
    }
    boolean[] v = ((BooleanColumn) cond).values();
    boolean[] nulls = cond.nulls();
    int k = 0;
    if (nulls == null) {
      for (int r = 0; r < n; r++) {
        if (v[r]) {
          out[k++] = r;
        }
      }
    } else {
      for (int r = 0; r < n; r++) {
        if (v[r] && !nulls[r]) {
          out[k++] = r;
        }
      }
    }
    return k;
  }
}
