package io.velaria.engine.exec.search;

import io.velaria.engine.spi.search.VectorMetric;

/**
 * Vector scores over slices of float arrays (a VECTOR column keeps all rows in one array).
 * Loops keep four independent accumulators: the JIT may not reorder a single float sum, and
 * four chains let it pipeline (and, where it can, vectorize) the multiply-adds.
 */
public final class VectorDistance {
  private VectorDistance() {}

  /** The score of row vector {@code v[offset, offset + q.length)} against {@code q}. */
  public static double score(VectorMetric metric, float[] q, float[] v, int offset) {
    switch (metric) {
      case COSINE: return cosineDistance(q, v, offset);
      case L2: return l2Distance(q, v, offset);
      default: return innerProduct(q, v, offset);
    }
  }

  public static double innerProduct(float[] a, float[] b, int offset) {
    return innerProduct(a, 0, b, offset, a.length);
  }

  /** Over {@code a[aOff, aOff + n)} and {@code b[offset, offset + n)}. */
  public static double innerProduct(float[] a, int aOff, float[] b, int offset, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[aOff + i] * b[offset + i];
      s1 += a[aOff + i + 1] * b[offset + i + 1];
      s2 += a[aOff + i + 2] * b[offset + i + 2];
      s3 += a[aOff + i + 3] * b[offset + i + 3];
    }
    for (; i < n; i++) {
      s0 += a[aOff + i] * b[offset + i];
    }
    return (double) s0 + s1 + s2 + s3;
  }

  /** Euclidean distance. */
  public static double l2Distance(float[] a, float[] b, int offset) {
    return l2Distance(a, 0, b, offset, a.length);
  }

  /** Over {@code a[aOff, aOff + n)} and {@code b[offset, offset + n)}. */
  public static double l2Distance(float[] a, int aOff, float[] b, int offset, int n) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      float d0 = a[aOff + i] - b[offset + i];
      float d1 = a[aOff + i + 1] - b[offset + i + 1];
      float d2 = a[aOff + i + 2] - b[offset + i + 2];
      float d3 = a[aOff + i + 3] - b[offset + i + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; i < n; i++) {
      float d = a[aOff + i] - b[offset + i];
      s0 += d * d;
    }
    return Math.sqrt((double) s0 + s1 + s2 + s3);
  }

  /** 1 - cosine similarity; 1 when either vector is all zeros (SPEC 2.4). */
  public static double cosineDistance(float[] a, float[] b, int offset) {
    return cosineDistance(a, 0, b, offset, a.length);
  }

  /** Over {@code a[aOff, aOff + n)} and {@code b[offset, offset + n)}. */
  public static double cosineDistance(float[] a, int aOff, float[] b, int offset, int n) {
    float dot0 = 0;
    float dot1 = 0;
    float na0 = 0;
    float na1 = 0;
    float nb0 = 0;
    float nb1 = 0;
    int i = 0;
    for (; i + 1 < n; i += 2) {
      float x0 = a[aOff + i];
      float x1 = a[aOff + i + 1];
      float y0 = b[offset + i];
      float y1 = b[offset + i + 1];
      dot0 += x0 * y0;
      dot1 += x1 * y1;
      na0 += x0 * x0;
      na1 += x1 * x1;
      nb0 += y0 * y0;
      nb1 += y1 * y1;
    }
    for (; i < n; i++) {
      float x = a[aOff + i];
      float y = b[offset + i];
      dot0 += x * y;
      na0 += x * x;
      nb0 += y * y;
    }
    double na = (double) na0 + na1;
    double nb = (double) nb0 + nb1;
    if (na == 0 || nb == 0) {
      return 1.0;
    }
    double d = 1.0 - ((double) dot0 + dot1) / Math.sqrt(na * nb);
    // rounding may step just outside [0, 2]; a vector compared with itself must score 0
    return d < 0 ? 0 : d > 2 ? 2 : d;
  }
}
