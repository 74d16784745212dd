package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.BooleanColumn;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.DoubleColumn;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.exec.search.SearchRunner;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * KEYWORD / HYBRID SEARCH and the search table functions: reads all input rows (the
 * candidates), lets a {@link SearchRunner} pick and score them, and returns the kept rows best
 * first with the score columns appended. The input batches are kept as they came
 * ({@link BatchList}): when an index answers, only the rows it returns are copied out; the
 * transient ranking and the exact scan concatenate them.
 */
public final class SearchOperator implements Operator {
  private final Operator input;
  private final DataType[] inputTypes;
  private final SearchRunner runner;
  private final Evaluator where;
  private final int[] outputColumns;
  private final ExecContext ctx;
  private boolean done;
  private long reserved;

  /**
   * @param where null, or the condition saying which input rows are candidates (used when an
   *     index answers: the input then holds all the table's rows)
   * @param outputColumns null, or the input columns to return before the scores
   */
  public SearchOperator(Operator input, DataType[] inputTypes, SearchRunner runner,
      Evaluator where, int[] outputColumns, ExecContext ctx) {
    this.input = input;
    this.inputTypes = inputTypes;
    this.runner = runner;
    this.where = where;
    this.outputColumns = outputColumns;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (done) {
      return null;
    }
    done = true;
    List<Batch> batches = new ArrayList<>();
    Batch b;
    while ((b = input.next()) != null) {
      ctx.checkCancelled();
      if (b.rowCount() > 0) {
        reserve(b.estimatedBytes());
        batches.add(b);
      }
    }
    BatchList rows = new BatchList(inputTypes, batches);
    SearchRunner.Result r = runner.run(rows, where == null ? null : accepted(batches));
    int n = r.rows().length;
    Batch kept = rows.select(r.rows());
    if (outputColumns != null) {
      kept = kept.project(outputColumns);
    }
    List<Column> out = new ArrayList<>(List.of(kept.columns()));
    for (double[] scores : new double[][] {r.keywordScores(), r.vectorScores(),
        r.fusionScores()}) {
      if (scores != null) {
        out.add(scoreColumn(scores));
      }
    }
    return new Batch(out.toArray(new Column[0]), n);
  }

  /** Rows for which WHERE is TRUE, evaluated batch by batch. */
  private boolean[] accepted(List<Batch> batches) {
    int total = 0;
    for (Batch b : batches) {
      total += b.rowCount();
    }
    boolean[] out = new boolean[total];
    int at = 0;
    for (Batch b : batches) {
      BooleanColumn c = (BooleanColumn) where.evaluate(b);
      boolean[] values = c.values();
      for (int i = 0; i < b.rowCount(); i++) {
        out[at + i] = values[i] && !c.isNull(i);
      }
      at += b.rowCount();
    }
    return out;
  }

  /** NaN marks a row without this score (fusion): NULL. */
  private static Column scoreColumn(double[] scores) {
    boolean[] nulls = null;
    for (int i = 0; i < scores.length; i++) {
      if (Double.isNaN(scores[i])) {
        if (nulls == null) {
          nulls = new boolean[scores.length];
        }
        nulls[i] = true;
      }
    }
    return new DoubleColumn(DataType.DOUBLE, scores.length, scores, nulls);
  }

  private void reserve(long bytes) {
    ctx.memory().reserve(bytes, "searching rows");
    reserved += bytes;
  }

  @Override
  public void close() {
    ctx.memory().release(reserved);
    reserved = 0;
    input.close();
  }
}
