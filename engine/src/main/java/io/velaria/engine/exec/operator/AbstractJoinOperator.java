package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.exec.expr.Evaluator;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * What hash and nested-loop joins share. The build side is materialized into one batch; each
 * probe batch is turned by the subclass into chunks of candidate pairs (probe row, build row),
 * at most {@code ctx.batchSize()} at a time. Here the candidates are filtered by the residual
 * condition (TRUE only), matches are recorded on both sides, and output is formed per join
 * type:
 *
 * <ul>
 *   <li>INNER/LEFT/RIGHT/FULL: probe columns then build columns for each matching pair;
 *   <li>LEFT/FULL: after a probe batch, its unmatched rows with NULL build columns;
 *   <li>RIGHT/FULL: after the probe side ends, unmatched build rows with NULL probe columns;
 *   <li>SEMI/ANTI: after a probe batch, its matched / unmatched rows (probe columns only).
 * </ul>
 */
abstract class AbstractJoinOperator implements Operator {
  protected final Operator probe;
  private final Operator build;
  protected final DataType[] probeTypes;
  protected final DataType[] buildTypes;
  protected final JoinType type;
  private final Evaluator residual;
  protected final ExecContext ctx;

  /** The whole build side, after {@link #prepare}. */
  protected Batch buildData;
  private long buildBytes;
  private boolean[] buildMatched;
  private int unmatchedCursor;

  protected Batch probeBatch;
  /** Per row of the current probe batch: has it joined with a build row yet. */
  protected boolean[] probeMatched;
  private boolean prepared;
  private boolean buildClosed;
  private boolean probeDone;
  private boolean finished;
  private final int[] probeIdx;
  private final int[] buildIdx;

  protected AbstractJoinOperator(Operator probe, Operator build, DataType[] probeTypes,
      DataType[] buildTypes, JoinType type, Evaluator residual, ExecContext ctx) {
    this.probe = probe;
    this.build = build;
    this.probeTypes = probeTypes.clone();
    this.buildTypes = buildTypes.clone();
    this.type = type;
    this.residual = residual;
    this.ctx = ctx;
    int cap = Math.max(1, ctx.batchSize());
    this.probeIdx = new int[cap];
    this.buildIdx = new int[cap];
  }

  /** Called once the build side's row count is known, before its batches are indexed. */
  protected void beforeBuild(int rows) {}

  /** Called for each build batch in order; {@code firstRow} is its offset overall. */
  protected abstract void onBuildBatch(Batch b, int firstRow);

  /** Called once the build side is materialized in {@link #buildData}. */
  protected abstract void afterBuild();

  /** Starts candidate generation for {@link #probeBatch}. */
  protected abstract void startProbe();

  /**
   * Fills up to {@code cap} candidate pairs for the current probe batch, continuing where the
   * previous call stopped; 0 when the batch has no more. Implementations skip probe rows that
   * are already matched when {@link #skipMatchedProbeRows()}.
   */
  protected abstract int nextCandidates(int[] probeRows, int[] buildRows, int cap);

  /** SEMI and ANTI need one match per probe row only. */
  protected final boolean skipMatchedProbeRows() {
    return type == JoinType.SEMI || type == JoinType.ANTI;
  }

  /** SEMI/ANTI without residual: any candidate is a match, so one per probe row suffices. */
  protected final boolean oneCandidatePerProbeRow() {
    return skipMatchedProbeRows() && residual == null;
  }

  @Override
  public final Batch next() {
    if (!prepared) {
      prepare();
      prepared = true;
    }
    while (!finished) {
      // a join can loop long without new input (a large cross product filtered away)
      ctx.checkCancelled();
      if (probeBatch == null) {
        if (probeDone) {
          Batch out = nextUnmatchedBuild();
          if (out == null) {
            finished = true;
          }
          return out;
        }
        Batch b = probe.next();
        ctx.checkCancelled();
        if (b == null) {
          probeDone = true;
          continue;
        }
        if (b.rowCount() == 0) {
          continue;
        }
        probeBatch = b;
        probeMatched = new boolean[b.rowCount()];
        startProbe();
      }
      int c = nextCandidates(probeIdx, buildIdx, probeIdx.length);
      Batch out;
      if (c == 0) {
        out = finishProbeBatch();
        probeBatch = null;
      } else {
        out = joinCandidates(c);
      }
      if (out != null && out.rowCount() > 0) {
        return out;
      }
    }
    return null;
  }

  private void prepare() {
    List<Batch> batches = new ArrayList<>();
    int rows = 0;
    Batch b;
    while ((b = build.next()) != null) {
      ctx.checkCancelled();
      if (b.rowCount() == 0) {
        continue;
      }
      long bytes = b.estimatedBytes();
      ctx.memory().reserve(bytes, "materializing the build side of a join");
      buildBytes += bytes;
      batches.add(b);
      rows += b.rowCount();
    }
    closeBuild();
    // indexed only once complete, so the index is sized once instead of growing per batch
    beforeBuild(rows);
    int first = 0;
    for (Batch batch : batches) {
      onBuildBatch(batch, first);
      first += batch.rowCount();
    }
    buildData = BatchConcat.concat(buildTypes, batches);
    if (type == JoinType.RIGHT || type == JoinType.FULL) {
      reserve(rows, "tracking matched rows of a join");
      buildMatched = new boolean[rows];
    }
    afterBuild();
    // Nothing can match an empty build side: skip reading the probe side when only matches
    // produce output.
    if (rows == 0
        && (type == JoinType.INNER || type == JoinType.SEMI || type == JoinType.RIGHT)) {
      finished = true;
    }
  }

  /** Reserves memory kept until close. */
  protected final void reserve(long bytes, String what) {
    ctx.memory().reserve(bytes, what);
    buildBytes += bytes;
  }

  /**
   * Tells which columns (probe then build) the residual condition reads: only those are
   * gathered for its candidate pairs, the others are stand-ins of NULLs it never looks at, and
   * the output columns are gathered for the pairs that pass only (none for SEMI/ANTI).
   */
  public final void residualReads(boolean[] columns) {
    if (columns.length != probeTypes.length + buildTypes.length) {
      throw new IllegalArgumentException("residual columns: " + columns.length);
    }
    residualReads = columns.clone();
    standIns = new Column[columns.length];
  }

  private boolean[] residualReads;
  /** Cached all-NULL columns for the columns the residual does not read. */
  private Column[] standIns;

  private Batch residualInput(int c) {
    int np = probeTypes.length;
    Column[] cols = new Column[np + buildTypes.length];
    for (int i = 0; i < cols.length; i++) {
      boolean isProbe = i < np;
      if (residualReads[i]) {
        cols[i] = isProbe ? probeBatch.column(i).select(probeIdx, c)
            : buildData.column(i - np).select(buildIdx, c);
      } else {
        Column s = standIns[i];
        if (s == null || s.size() != c) {
          s = io.velaria.engine.column.Columns.constant(
              isProbe ? probeTypes[i] : buildTypes[i - np], null, c);
          standIns[i] = s;
        }
        cols[i] = s;
      }
    }
    return new Batch(cols, c);
  }

  private Batch joinCandidates(int c) {
    Batch pairs = null;
    if (residual != null) {
      pairs = residualReads != null ? residualInput(c)
          : combine(probeBatch.select(probeIdx, c), buildData.select(buildIdx, c), c);
      int[] positions = new int[c];
      int kept = Conditions.trueRows(residual.evaluate(pairs), c, positions);
      for (int i = 0; i < kept; i++) {
        // In place: positions[i] >= i.
        probeIdx[i] = probeIdx[positions[i]];
        buildIdx[i] = buildIdx[positions[i]];
      }
      if (kept == 0 || residualReads != null) {
        pairs = null;
      } else if (kept < c) {
        pairs = pairs.select(positions, kept);
      }
      c = kept;
    }
    for (int i = 0; i < c; i++) {
      probeMatched[probeIdx[i]] = true;
    }
    if (buildMatched != null) {
      for (int i = 0; i < c; i++) {
        buildMatched[buildIdx[i]] = true;
      }
    }
    if (c == 0 || skipMatchedProbeRows()) {
      return null;
    }
    if (pairs != null) {
      return pairs;
    }
    return combine(probeBatch.select(probeIdx, c), buildData.select(buildIdx, c), c);
  }

  private static Batch combine(Batch p, Batch b, int n) {
    Column[] cols = new Column[p.columnCount() + b.columnCount()];
    System.arraycopy(p.columns(), 0, cols, 0, p.columnCount());
    System.arraycopy(b.columns(), 0, cols, p.columnCount(), b.columnCount());
    return new Batch(cols, n);
  }

  /** Unmatched (LEFT/FULL/ANTI) or matched (SEMI) rows of the finished probe batch. */
  private Batch finishProbeBatch() {
    boolean want;
    switch (type) {
      case SEMI: want = true; break;
      case LEFT:
      case FULL:
      case ANTI: want = false; break;
      default: return null;
    }
    int n = probeBatch.rowCount();
    int[] rows = new int[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (probeMatched[r] == want) {
        rows[k++] = r;
      }
    }
    if (k == 0) {
      return null;
    }
    Batch p = k == n ? probeBatch : probeBatch.select(rows, k);
    if (type == JoinType.SEMI || type == JoinType.ANTI) {
      return p;
    }
    return combine(p, new Batch(BatchConcat.nullColumns(buildTypes, k), k), k);
  }

  /** RIGHT/FULL: the next chunk of build rows that never matched, NULL probe columns. */
  private Batch nextUnmatchedBuild() {
    if (buildMatched == null) {
      return null;
    }
    int cap = probeIdx.length;
    int k = 0;
    while (unmatchedCursor < buildMatched.length && k < cap) {
      if (!buildMatched[unmatchedCursor]) {
        buildIdx[k++] = unmatchedCursor;
      }
      unmatchedCursor++;
    }
    if (k == 0) {
      return null;
    }
    return combine(new Batch(BatchConcat.nullColumns(probeTypes, k), k),
        buildData.select(buildIdx, k), k);
  }

  /** The build input is closed as soon as it is materialized, and only once. */
  private void closeBuild() {
    if (!buildClosed) {
      buildClosed = true;
      build.close();
    }
  }

  @Override
  public void close() {
    probe.close();
    closeBuild();
    ctx.memory().release(buildBytes);
    buildBytes = 0;
    buildData = null;
    probeBatch = null;
  }
}
