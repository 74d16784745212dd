package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class LongUnaryLoop implements Runners.LongUnaryRunner {
  @Override
  public void run(Shapes.LongUnary f, long[] a, long[] out, boolean[] nulls, int n) {
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        out[i] = f.apply(a[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          out[i] = f.apply(a[i]);
        }
      }
    }
  }
}
