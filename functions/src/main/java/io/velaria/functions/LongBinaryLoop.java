package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class LongBinaryLoop implements Runners.LongBinaryRunner {
  @Override
  public void run(Shapes.LongBinary f, long[] a, long[] b, long[] out, boolean[] nulls, int n) {
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        out[i] = f.apply(a[i], b[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          out[i] = f.apply(a[i], b[i]);
        }
      }
    }
  }
}
