package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class DoubleBinaryLoop implements Runners.DoubleBinaryRunner {
  @Override
  public void run(Shapes.DoubleBinary f, double[] a, double[] b, double[] out, boolean[] nulls,
      int n) {
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
