package io.velaria.functions;

/** Template: cloned per function by {@link Specializer}; keep free of lambdas. */
final class RowLoop implements Runners.RowRunner {
  @Override
  public void run(Shapes.RowFunction f, In in, Out out, boolean[] nulls, int n) {
    if (nulls == null) {
      for (int i = 0; i < n; i++) {
        f.apply(in, i, out);
      }
    } else {
      for (int i = 0; i < n; i++) {
        if (!nulls[i]) {
          f.apply(in, i, out);
        }
      }
    }
  }
}
