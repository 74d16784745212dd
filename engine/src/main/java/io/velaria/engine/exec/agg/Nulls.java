package io.velaria.engine.exec.agg;

/** Null masks of aggregate results. */
final class Nulls {
  private Nulls() {}

  /** NULL where a group saw no value; null when every group did. */
  static boolean[] unseen(boolean[] seen, int from, int count) {
    boolean[] nulls = null;
    for (int i = 0; i < count; i++) {
      if (!seen[from + i]) {
        if (nulls == null) {
          nulls = new boolean[count];
        }
        nulls[i] = true;
      }
    }
    return nulls;
  }
}
