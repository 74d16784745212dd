package io.velaria.engine.exec.operator;

/**
 * Stable merge sort of an {@code int[]} of row positions with a {@link RowComparator}: the JDK
 * sorts {@code int[]} only by natural order and boxing into Integer[] for a comparator would
 * allocate per row. Insertion sort for short runs; skips the merge of already ordered halves.
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
