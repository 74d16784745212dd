package io.velaria.engine.exec.search;

/**
 * The best {@code k} (row, score) pairs seen, in primitive arrays (no boxing per row). Better
 * means a higher key; equal keys go to the smaller row. Scores with "lower is better" are
 * stored negated by the caller's choice of {@code higherIsBetter}.
 */
final class TopK {
  private final int k;
  private final boolean higherIsBetter;
  /** A binary heap with the worst entry at index 0. */
  private int[] rows;
  private double[] keys;
  private int size;

  TopK(int k, boolean higherIsBetter) {
    this.k = k;
    this.higherIsBetter = higherIsBetter;
    // grows on demand: TOP_K may be far larger than the rows there are
    int capacity = Math.max(1, Math.min(k, 1024));
    this.rows = new int[capacity];
    this.keys = new double[capacity];
  }

  /** Worth offering: true if a row with this score could enter now. */
  boolean accepts(double score) {
    return size < k || key(score) > keys[0];
  }

  void offer(int row, double score) {
    double key = key(score);
    if (size < k) {
      if (size == rows.length) {
        int grown = (int) Math.min(k, 2L * rows.length);
        rows = java.util.Arrays.copyOf(rows, grown);
        keys = java.util.Arrays.copyOf(keys, grown);
      }
      rows[size] = row;
      keys[size] = key;
      siftUp(size++);
    } else if (worse(rows[0], keys[0], row, key)) {
      rows[0] = row;
      keys[0] = key;
      siftDown(0);
    }
  }

  /** Adds every entry of another heap (for merging parallel parts). */
  void addAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offer(other.rows[i], other.higherIsBetter ? other.keys[i] : -other.keys[i]);
    }
  }

  int size() {
    return size;
  }

  /**
   * Empties the heap into {@code outRows} / {@code outScores}, best first.
   */
  void drain(int[] outRows, double[] outScores) {
    int n = size;
    for (int i = n - 1; i >= 0; i--) {
      outRows[i] = rows[0];
      outScores[i] = higherIsBetter ? keys[0] : -keys[0];
      size--;
      rows[0] = rows[size];
      keys[0] = keys[size];
      siftDown(0);
    }
  }

  private double key(double score) {
    return higherIsBetter ? score : -score;
  }

  /** True if entry a ranks below entry b. */
  private static boolean worse(int rowA, double keyA, int rowB, double keyB) {
    return keyA < keyB || (keyA == keyB && rowA > rowB);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!worse(rows[i], keys[i], rows[parent], keys[parent])) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int l = 2 * i + 1;
      if (l >= size) {
        return;
      }
      int w = l;
      int r = l + 1;
      if (r < size && worse(rows[r], keys[r], rows[l], keys[l])) {
        w = r;
      }
      if (!worse(rows[w], keys[w], rows[i], keys[i])) {
        return;
      }
      swap(i, w);
      i = w;
    }
  }

  private void swap(int a, int b) {
    int r = rows[a];
    rows[a] = rows[b];
    rows[b] = r;
    double k2 = keys[a];
    keys[a] = keys[b];
    keys[b] = k2;
  }
}
