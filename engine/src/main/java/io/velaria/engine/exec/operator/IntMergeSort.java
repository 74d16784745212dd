package io.velaria.engine.exec.operator;

/**
 * Stable merge sort of an {@code int[]} of row positions with a {@link RowComparator}: the JDK
 * sorts {@code int[]} only by natural order and boxing into Integer[] for a comparator would
 * allocate per row. Insertion sort for short runs; skips the merge of already ordered halves.
 *
 * <p>When the first sort key can be encoded as an order-preserving long per row
 * ({@code primary}), the comparison of that key is inlined and the comparator (the remaining
 * keys, or null) is only called on ties: a virtual call per comparison is what dominates a
 * multi-key sort otherwise.
 */
final class IntMergeSort {
  private static final int INSERTION_THRESHOLD = 16;

  private IntMergeSort() {}

  /** Sorts {@code a[0..n)} stably. */
  static void sort(int[] a, int n, RowComparator c) {
    if (n < 2) {
      return;
    }
    int[] aux = java.util.Arrays.copyOf(a, n);
    mergeSort(aux, a, 0, n, c);
  }

  /** Sorts {@code a[0..n)} stably by {@code primary[row]}, then by {@code ties} if not null. */
  static void sort(int[] a, int n, long[] primary, RowComparator ties) {
    if (n < 2) {
      return;
    }
    int[] aux = java.util.Arrays.copyOf(a, n);
    mergeSort(aux, a, 0, n, primary, ties);
  }

  private static int compare(long[] k, RowComparator ties, int x, int y) {
    long a = k[x];
    long b = k[y];
    if (a != b) {
      return a < b ? -1 : 1;
    }
    return ties == null ? 0 : ties.compare(x, y);
  }

  private static void mergeSort(int[] src, int[] dest, int low, int high, long[] k,
      RowComparator t) {
    int len = high - low;
    if (len < INSERTION_THRESHOLD) {
      for (int i = low + 1; i < high; i++) {
        int x = dest[i];
        int j = i;
        while (j > low && compare(k, t, dest[j - 1], x) > 0) {
          dest[j] = dest[j - 1];
          j--;
        }
        dest[j] = x;
      }
      return;
    }
    int mid = (low + high) >>> 1;
    mergeSort(dest, src, low, mid, k, t);
    mergeSort(dest, src, mid, high, k, t);
    if (compare(k, t, src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, low, dest, low, len);
      return;
    }
    for (int i = low, p = low, q = mid; i < high; i++) {
      if (q >= high || (p < mid && compare(k, t, src[p], src[q]) <= 0)) {
        dest[i] = src[p++];
      } else {
        dest[i] = src[q++];
      }
    }
  }

  /** Sorts {@code src[low..high)} into {@code dest[low..high)}; both start equal. */
  private static void mergeSort(int[] src, int[] dest, int low, int high, RowComparator c) {
    int len = high - low;
    if (len < INSERTION_THRESHOLD) {
      for (int i = low + 1; i < high; i++) {
        int x = dest[i];
        int j = i;
        while (j > low && c.compare(dest[j - 1], x) > 0) {
          dest[j] = dest[j - 1];
          j--;
        }
        dest[j] = x;
      }
      return;
    }
    int mid = (low + high) >>> 1;
    mergeSort(dest, src, low, mid, c);
    mergeSort(dest, src, mid, high, c);
    if (c.compare(src[mid - 1], src[mid]) <= 0) {
      System.arraycopy(src, low, dest, low, len);
      return;
    }
    for (int i = low, p = low, q = mid; i < high; i++) {
      if (q >= high || (p < mid && c.compare(src[p], src[q]) <= 0)) {
        dest[i] = src[p++];
      } else {
        dest[i] = src[q++];
      }
    }
  }
}
