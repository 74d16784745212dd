package io.velaria.engine.exec.operator;

import io.velaria.engine.column.Batch;
import io.velaria.engine.exec.search.CandidateRows;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A search's input rows as the batches the input produced (not copied): a row ordinal is
 * found by binary search over the batches' first ordinals, so fetching a few rows costs a few
 * rows. {@link #all} concatenates once, on first use.
 */
final class BatchList implements CandidateRows {
  private final DataType[] types;
  private final List<Batch> batches;
  /** starts[i]: ordinal of batch i's first row; starts[batches] = row count. */
  private final long[] starts;
  private Batch all;

  BatchList(DataType[] types, List<Batch> batches) {
    this.types = types;
    this.batches = List.copyOf(batches);
    this.starts = new long[batches.size() + 1];
    for (int i = 0; i < batches.size(); i++) {
      starts[i + 1] = starts[i] + batches.get(i).rowCount();
    }
    if (starts[batches.size()] > Integer.MAX_VALUE) {
      throw new io.velaria.engine.error.VelariaException(
          io.velaria.engine.error.SqlStates.TOO_COMPLEX,
          "search over more than " + Integer.MAX_VALUE + " rows");
    }
  }

  @Override
  public int rowCount() {
    return (int) starts[batches.size()];
  }

  @Override
  public Batch all() {
    if (all == null) {
      all = BatchConcat.concat(types, batches);
    }
    return all;
  }

  @Override
  public List<Batch> batches() {
    return all != null ? List.of(all) : batches;
  }

  @Override
  public Batch select(int[] ordinals) {
    if (all != null) {
      return all.select(ordinals, ordinals.length);
    }
    // ascending ordinals, fetched batch by batch, then put back in the order asked for
    int n = ordinals.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Integer.compare(ordinals[a], ordinals[b]));
    List<Batch> parts = new ArrayList<>();
    int i = 0;
    while (i < n) {
      int batch = batchOf(ordinals[order[i]]);
      int[] positions = new int[n - i];
      int k = 0;
      while (i < n && ordinals[order[i]] < starts[batch + 1]) {
        positions[k++] = (int) (ordinals[order[i]] - starts[batch]);
        i++;
      }
      parts.add(batches.get(batch).select(positions, k));
    }
    Batch sorted = BatchConcat.concat(types, parts);
    int[] back = new int[n];
    for (int j = 0; j < n; j++) {
      back[order[j]] = j;
    }
    return sorted.select(back, n);
  }

  private int batchOf(int ordinal) {
    if (ordinal < 0 || ordinal >= rowCount()) {
      throw new IndexOutOfBoundsException("row " + ordinal + " of " + rowCount());
    }
    int lo = 0;
    int hi = batches.size() - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= ordinal) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
