package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class StringPredicateLoop implements Runners.StringPredicateRunner {
  @Override
  public void run(Shapes.StringPredicate f, String[] a, boolean[] out, boolean[] nulls, int n) {
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        out[i] = f.test(a[i]);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          out[i] = f.test(a[i]);
        }
      }
    }
  }
}
