package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class StringUnaryLoop implements Runners.StringUnaryRunner {
  @Override
  public boolean[] run(Shapes.StringUnary f, String[] a, String[] out, boolean[] nulls, int n) {
    boolean[] result = nulls;
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        String r = f.apply(a[i]);
        out[i] = r;
        if (r == null) {
          if (result == null) {
            result = new boolean[n];
          }
          result[i] = true;
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          String r = f.apply(a[i]);
          out[i] = r;
          if (r == null) {
            if (result == nulls) {
              result = nulls.clone();
            }
            result[i] = true;
          }
        }
      }
    }
    return result;
  }
}
