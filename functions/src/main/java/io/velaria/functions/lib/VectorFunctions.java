package io.velaria.functions.lib;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.search.VectorDistance;
import io.velaria.functions.In;

/**
 * cosine_distance, l2_distance, inner_product: the same arithmetic as vector search's
 * metrics (one implementation, {@link VectorDistance}), so a score can be recomputed in SQL.
 */
public final class VectorFunctions {
  private VectorFunctions() {}

  public static double cosineDistance(In in, int row) {
    return VectorDistance.cosineDistance(in.vector(0), in.vectorOffset(0, row), in.vector(1),
        in.vectorOffset(1, row), dimension(in, row));
  }

  public static double l2Distance(In in, int row) {
    return VectorDistance.l2Distance(in.vector(0), in.vectorOffset(0, row), in.vector(1),
        in.vectorOffset(1, row), dimension(in, row));
  }

  public static double innerProduct(In in, int row) {
    return VectorDistance.innerProduct(in.vector(0), in.vectorOffset(0, row), in.vector(1),
        in.vectorOffset(1, row), dimension(in, row));
  }

  /** The common dimension of both arguments. */
  private static int dimension(In in, int row) {
    int d = in.dimension(0);
    if (d != in.dimension(1)) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "vectors of different dimensions"
          + " (" + d + " and " + in.dimension(1) + ") in row " + (row + 1));
    }
    return d;
  }
}
