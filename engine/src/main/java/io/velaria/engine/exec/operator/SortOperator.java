package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.ExecContext;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ORDER BY with optional OFFSET / LIMIT (limit &lt; 0: none). Stable: rows with equal keys keep
 * their input order. Sorting never moves row data: an {@code int[]} permutation is sorted by
 * comparators over the primitive arrays, then rows are gathered with {@code select}.
 *
 * <p>When {@code offset + limit} is small (at most {@link #TOP_N_MAX}) only the best rows are
 * kept: input is buffered until it holds about twice that many rows plus a batch, then the
 * buffer is sorted and cut back to the first {@code offset + limit}. Memory stays bounded and
 * the result equals a full stable sort, because kept rows stay ahead of later equal rows.
 * Once that many rows are kept, the last kept row is a cutoff: later rows that do not sort
 * strictly before it can never make the result (equal ones lose by stability) and are dropped
 * on arrival, so most rows cost one comparison.
 */
public final class SortOperator implements Operator {
  static final long TOP_N_MAX = 10_000;

  private final Operator input;
  private final DataType[] types;
  private final List<SortKey> keys;
  private final long offset;
  private final long limit;
  private final ExecContext ctx;

  private long reserved;
  private Batch sorted;
  private int[] perm;
  private int position;
  private int end;
  private boolean done;

  public SortOperator(Operator input, DataType[] types, List<SortKey> keys, long offset,
      long limit, ExecContext ctx) {
    this.input = input;
    this.types = types.clone();
    this.keys = List.copyOf(keys);
    this.offset = Math.max(0, offset);
    this.limit = limit;
    this.ctx = ctx;
  }

  @Override
  public Batch next() {
    if (!done) {
      sortInput();
      done = true;
    }
    if (perm == null || position >= end) {
      return null;
    }
    int n = Math.min(ctx.batchSize(), end - position);
    int[] rows = Arrays.copyOfRange(perm, position, position + n);
    position += n;
    return sorted.select(rows, n);
  }

  private void sortInput() {
    boolean topN = limit >= 0 && offset + limit <= TOP_N_MAX;
    if (limit == 0) {
      return;
    }
    int keep = topN ? (int) (offset + limit) : Integer.MAX_VALUE;
    long flushAt = topN ? Math.max(2L * keep, 4096) : Long.MAX_VALUE;
    List<Batch> buffer = new ArrayList<>();
    long buffered = 0;
    Batch cutoff = null;
    Batch b;
    while ((b = input.next()) != null) {
      ctx.checkCancelled();
      if (cutoff != null) {
        b = beforeCutoff(b, cutoff);
      }
      if (b.rowCount() == 0) {
        continue;
      }
      reserve(b.estimatedBytes());
      buffer.add(b);
      buffered += b.rowCount();
      if (buffered >= flushAt) {
        Batch top = sortAndCut(buffer, keep);
        buffer.clear();
        buffer.add(top);
        buffered = top.rowCount();
        release();
        reserve(top.estimatedBytes());
        if (top.rowCount() == keep && !keys.isEmpty()) {
          cutoff = top.slice(keep - 1, 1);
        }
      }
    }
    if (buffered > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException("too many rows to sort: " + buffered);
    }
    Batch all = BatchConcat.concat(types, buffer);
    int n = all.rowCount();
    reserve(4L * n);
    perm = sortedPermutation(all);
    sorted = all;
    position = (int) Math.min(offset, n);
    end = limit < 0 ? n : (int) Math.min(n, offset + limit);
  }

  /** The rows of {@code b} that sort strictly before the one row of {@code cutoff}. */
  private Batch beforeCutoff(Batch b, Batch cutoff) {
    RowComparator c = RowComparators.of(b, cutoff, keys);
    int n = b.rowCount();
    int[] rows = new int[n];
    int k = 0;
    for (int r = 0; r < n; r++) {
      if (c.compare(r, 0) < 0) {
        rows[k++] = r;
      }
    }
    return k == n ? b : b.select(rows, k);
  }

  /** Sorts the buffered rows and keeps the first {@code keep} as one batch. */
  private Batch sortAndCut(List<Batch> buffer, int keep) {
    Batch all = BatchConcat.concat(types, buffer);
    int[] p = sortedPermutation(all);
    int k = Math.min(keep, all.rowCount());
    return all.select(p, k);
  }

  private int[] sortedPermutation(Batch all) {
    int n = all.rowCount();
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    if (keys.isEmpty()) {
      return p;
    }
    long[] primary = RowComparators.encode(all.column(keys.get(0).column()), keys.get(0));
    if (primary == null) {
      IntMergeSort.sort(p, n, RowComparators.of(all, keys));
    } else {
      reserve(8L * n);
      List<SortKey> rest = keys.subList(1, keys.size());
      IntMergeSort.sort(p, n, primary, rest.isEmpty() ? null : RowComparators.of(all, rest));
    }
    return p;
  }

  private void reserve(long bytes) {
    ctx.memory().reserve(bytes, "sorting rows");
    reserved += bytes;
  }

  private void release() {
    ctx.memory().release(reserved);
    reserved = 0;
  }

  @Override
  public void close() {
    input.close();
    release();
    sorted = null;
    perm = null;
  }
}
