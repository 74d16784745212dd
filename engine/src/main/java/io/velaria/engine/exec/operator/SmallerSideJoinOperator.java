package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * An INNER hash join that builds its hash table on whichever input really has fewer rows.
 * The planner's choice of build side comes from estimates that can be off by 10x or more
 * (TPC-H q07 built on 1.8M lineitem rows to probe with 120k order rows). This operator reads
 * the planned build side; when that is large it reads the probe side only until it has as
 * many rows, and if the probe side ends first, the two swap roles. Output columns stay in the
 * planned order (probe then build). Without the swap the read-ahead probe batches are simply
 * joined first, so at most as many probe rows as build rows are held extra.
 */
public final class SmallerSideJoinOperator implements Operator {
  /** Build sides smaller than this are used as planned: a swap would not pay for itself. */
  static final int MIN_ROWS_TO_COMPARE = 65_536;

  private final Operator probe;
  private final Operator build;
  private final DataType[] probeTypes;
  private final DataType[] buildTypes;
  private final int[] probeKeys;
  private final int[] buildKeys;
  private final boolean[] nullSafe;
  private final Evaluator residual;
  private final boolean[] residualReads;
  private final ExecContext ctx;

  private HashJoinOperator join;
  /** Non-null when swapped: output column i comes from the swapped join's column order[i]. */
  private int[] order;
  private long reserved;
  private boolean closed;

  public SmallerSideJoinOperator(Operator probe, Operator build, DataType[] probeTypes,
      DataType[] buildTypes, int[] probeKeys, int[] buildKeys, boolean[] nullSafeKeys,
      Evaluator residual, boolean[] residualReads, ExecContext ctx) {
    this.probe = probe;
    this.build = build;
    this.probeTypes = probeTypes.clone();
    this.buildTypes = buildTypes.clone();
    this.probeKeys = probeKeys.clone();
    this.buildKeys = buildKeys.clone();
    this.nullSafe = nullSafeKeys == null ? new boolean[probeKeys.length] : nullSafeKeys.clone();
    this.residual = residual;
    this.residualReads = residualReads == null ? null : residualReads.clone();
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (join == null) {
      start();
    }
    Batch b = join.next();
    if (b == null || order == null) {
      return b;
    }
    Column[] cols = new Column[order.length];
    for (int i = 0; i < order.length; i++) {
      cols[i] = b.column(order[i]);
    }
    return new Batch(cols, b.rowCount());
  }

  private void start() {
    List<Batch> buildRows = new ArrayList<>();
    long nb = readAll(build, buildRows, Long.MAX_VALUE);
    closeBuild();
    List<Batch> probeRows = new ArrayList<>();
    boolean probeEnded = false;
    if (nb >= MIN_ROWS_TO_COMPARE) {
      long np = readAll(probe, probeRows, nb);
      probeEnded = np < nb;
    }
    // the join reserves the build side it keeps from here on (read-ahead probe rows, at most
    // as many, are not counted again)
    ctx.memory().release(reserved);
    reserved = 0;
    if (probeEnded) {
      probe.close();
      swap(buildRows, probeRows);
      return;
    }
    join = new HashJoinOperator(new ReplayThenRest(probeRows, probe),
        new BatchListOperator(buildRows), probeTypes, buildTypes, probeKeys, buildKeys,
        nullSafe, JoinType.INNER, residual, ctx);
    if (residualReads != null) {
      join.residualReads(residualReads);
    }
  }

  /** Builds on the (smaller) probe rows and probes with the planned build side. */
  private void swap(List<Batch> buildRows, List<Batch> probeRows) {
    int np = probeTypes.length;
    int nb = buildTypes.length;
    // swapped join's columns: planned build columns, then planned probe columns
    int[] toPlanned = new int[np + nb];
    for (int i = 0; i < np; i++) {
      toPlanned[i] = nb + i;
    }
    for (int i = 0; i < nb; i++) {
      toPlanned[np + i] = i;
    }
    order = toPlanned;
    Evaluator swappedResidual = residual == null ? null : new Evaluator() {
      @Override
      public DataType type() {
        return residual.type();
      }

      @Override
      public Column evaluate(Batch input) {
        Column[] cols = new Column[toPlanned.length];
        for (int i = 0; i < cols.length; i++) {
          cols[i] = input.column(toPlanned[i]);
        }
        return residual.evaluate(new Batch(cols, input.rowCount()));
      }
    };
    join = new HashJoinOperator(new BatchListOperator(buildRows),
        new BatchListOperator(probeRows), buildTypes, probeTypes, buildKeys, probeKeys,
        nullSafe, JoinType.INNER, swappedResidual, ctx);
    if (residualReads != null) {
      boolean[] reads = new boolean[np + nb];
      for (int i = 0; i < nb; i++) {
        reads[i] = residualReads[np + i];
      }
      for (int i = 0; i < np; i++) {
        reads[nb + i] = residualReads[i];
      }
      join.residualReads(reads);
    }
  }

  /** Reads batches into {@code out} until the input ends or {@code limit} rows; the rows. */
  private long readAll(Operator in, List<Batch> out, long limit) {
    long rows = 0;
    Batch b;
    while (rows < limit && (b = in.next()) != null) {
      ctx.checkCancelled();
      if (b.rowCount() == 0) {
        continue;
      }
      long bytes = b.estimatedBytes();
      ctx.memory().reserve(bytes, "materializing the inputs of a join");
      reserved += bytes;
      out.add(b);
      rows += b.rowCount();
    }
    return rows;
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (join != null) {
      join.close();
    } else {
      probe.close();
    }
    closeBuild();
    ctx.memory().release(reserved);
    reserved = 0;
  }

  private boolean buildClosed;

  private void closeBuild() {
    if (!buildClosed) {
      buildClosed = true;
      build.close();
    }
  }

  /** Batches read ahead, then the rest of the input. */
  private static final class ReplayThenRest implements Operator {
    private final List<Batch> readAhead;
    private final Operator rest;
    private int next;

    ReplayThenRest(List<Batch> readAhead, Operator rest) {
      this.readAhead = readAhead;
      this.rest = rest;
    }

    @Override
    public Batch next() {
      if (next < readAhead.size()) {
        Batch b = readAhead.get(next);
        readAhead.set(next++, null);
        return b;
      }
      return rest.next();
    }

    @Override
    public void close() {
      rest.close();
    }
  }
}
