package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.type.DataType;

/**
 * Join without equality keys (cross joins, theta joins): the right side is materialized and
 * every (left row, right row) pair of a left batch is a candidate, evaluated chunk-wise by the
 * condition (null = cross join). Left is the probe side: LEFT keeps unmatched left rows, RIGHT
 * unmatched right rows; SEMI/ANTI return left rows only.
 */
public final class NestedLoopJoinOperator extends AbstractJoinOperator {
  private int cursorRow;
  private int cursorPos;

  public NestedLoopJoinOperator(Operator left, Operator right, DataType[] leftTypes,
      DataType[] rightTypes, JoinType type, Evaluator condition, ExecContext ctx) {
    super(left, right, leftTypes, rightTypes, type, condition, ctx);
  }

  @Override
  protected void onBuildBatch(Batch b, int firstRow) {}

  @Override
  protected void afterBuild() {}

  @Override
  protected void startProbe() {
    cursorRow = 0;
    cursorPos = 0;
  }

  @Override
  protected int nextCandidates(int[] probeRows, int[] buildRows, int cap) {
    int n = probeBatch.rowCount();
    int m = buildData.rowCount();
    if (m == 0) {
      return 0;
    }
    boolean skip = skipMatchedProbeRows();
    int end = oneCandidatePerProbeRow() ? 1 : m;
    int c = 0;
    int row = cursorRow;
    int pos = cursorPos;
    while (row < n && c < cap) {
      if (skip && probeMatched[row]) {
        row++;
        pos = 0;
        continue;
      }
      while (pos < end && c < cap) {
        probeRows[c] = row;
        buildRows[c] = pos++;
        c++;
      }
      if (pos >= end) {
        row++;
        pos = 0;
      }
    }
    cursorRow = row;
    cursorPos = pos;
    return c;
  }
}
