package io.velaria.bench.search;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.FloatArrayColumn;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.column.StringColumn;
import io.velaria.engine.type.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The generated data of the search benchmark: random vectors and short documents, seeded. */
final class SearchData {
  static final int BATCH = 4096;

  private SearchData() {}

  /** Writes the next generated vector into {@code out} at {@code offset}. */
  interface VectorSource {
    void next(float[] out, int offset);
  }

  /** {@code rows} vectors of uniform floats in [-1, 1), as (id BIGINT, emb VECTOR(dim)) batches. */
  static List<Batch> vectors(int rows, int dim, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return vectors(rows, dim, (out, offset) -> {
      for (int d = 0; d < dim; d++) {
        out[offset + d] = (float) (random.nextDouble() * 2 - 1);
      }
    });
  }

  /** {@code rows} vectors from {@code source}, ids 0..rows-1, in batches of {@link #BATCH}. */
  static List<Batch> vectors(int rows, int dim, VectorSource source) {
    List<Batch> out = new ArrayList<>();
    for (int from = 0; from < rows; from += BATCH) {
      int n = Math.min(BATCH, rows - from);
      long[] ids = new long[n];
      float[] v = new float[n * dim];
      for (int i = 0; i < n; i++) {
        ids[i] = from + i;
        source.next(v, i * dim);
      }
      out.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, n, ids, null),
          new FloatArrayColumn(DataType.vector(dim), n, v, null)}, n));
    }
    return out;
  }

  /** Latent dimensions of the clustered data (its intrinsic dimension within a cluster). */
  static final int LATENT = 16;

  /**
   * Clustered vectors shaped like real embeddings: few clusters and, within a cluster, a low
   * intrinsic dimension. A vector is a random one of {@code clusters} centres (uniform in
   * [-1, 1)), plus a point of a shared random {@link #LATENT}-dimensional subspace
   * (Gaussian, {@code spread} per latent component), plus small isotropic noise (0.05).
   */
  static final class Clustered implements VectorSource {
    final int dim;
    final float[][] centres;
    final float[][] basis;
    final double spread;
    final java.util.Random gauss;
    final SplittableRandom random;

    Clustered(int dim, int clusters, double spread, long seed) {
      this.dim = dim;
      this.spread = spread;
      SplittableRandom r = new SplittableRandom(seed);
      centres = new float[clusters][dim];
      for (float[] c : centres) {
        for (int d = 0; d < dim; d++) {
          c[d] = (float) (r.nextDouble() * 2 - 1);
        }
      }
      java.util.Random g = new java.util.Random(seed + 1);
      basis = new float[LATENT][dim];
      for (float[] axis : basis) {
        for (int d = 0; d < dim; d++) {
          axis[d] = (float) (g.nextGaussian() / Math.sqrt(LATENT));
        }
      }
      gauss = new java.util.Random(seed + 2);
      random = new SplittableRandom(seed + 3);
    }

    /** The next vector of the distribution (data and queries alike). */
    @Override
    public void next(float[] out, int offset) {
      float[] c = centres[random.nextInt(centres.length)];
      for (int d = 0; d < dim; d++) {
        out[offset + d] = (float) (c[d] + gauss.nextGaussian() * 0.05);
      }
      for (float[] axis : basis) {
        double z = gauss.nextGaussian() * spread;
        for (int d = 0; d < dim; d++) {
          out[offset + d] += (float) (z * axis[d]);
        }
      }
    }

    List<Batch> vectors(int rows) {
      return SearchData.vectors(rows, dim, this::next);
    }

    float[] query() {
      float[] q = new float[dim];
      next(q, 0);
      return q;
    }
  }

  static float[] queryVector(int dim, SplittableRandom random) {
    float[] q = new float[dim];
    for (int i = 0; i < dim; i++) {
      q[i] = (float) (random.nextDouble() * 2 - 1);
    }
    return q;
  }

  /** A vocabulary of pronounceable made-up words. */
  static String[] vocabulary(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String consonants = "bcdfghklmnprstvz";
    String vowels = "aeiou";
    String[] words = new String[size];
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < size; i++) {
      String w;
      do {
        StringBuilder b = new StringBuilder();
        int syllables = 2 + random.nextInt(2);
        for (int s = 0; s < syllables; s++) {
          b.append(consonants.charAt(random.nextInt(consonants.length())))
              .append(vowels.charAt(random.nextInt(vowels.length())));
        }
        w = b.toString();
      } while (!seen.add(w));
      words[i] = w;
    }
    return words;
  }

  /**
   * A word with a Zipf-like frequency: index floor(size^u) - 1 for uniform u, so low indexes
   * are common and the tail is rare, as in real text.
   */
  static String word(String[] vocabulary, SplittableRandom random) {
    int i = (int) Math.floor(Math.pow(vocabulary.length, random.nextDouble())) - 1;
    return vocabulary[Math.min(Math.max(i, 0), vocabulary.length - 1)];
  }

  /** {@code rows} documents of 6 to 15 words, as (id BIGINT, body VARCHAR) batches. */
  static List<Batch> documents(int rows, String[] vocabulary, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Batch> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    for (int from = 0; from < rows; from += BATCH) {
      int n = Math.min(BATCH, rows - from);
      long[] ids = new long[n];
      String[] bodies = new String[n];
      for (int i = 0; i < n; i++) {
        ids[i] = from + i;
        b.setLength(0);
        int words = 6 + random.nextInt(10);
        for (int w = 0; w < words; w++) {
          b.append(w == 0 ? "" : " ").append(word(vocabulary, random));
        }
        bodies[i] = b.toString();
      }
      out.add(new Batch(new Column[] {new LongColumn(DataType.BIGINT, n, ids, null),
          new StringColumn(DataType.VARCHAR, n, bodies, null)}, n));
    }
    return out;
  }

  static String vectorLiteral(float[] q) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < q.length; i++) {
      b.append(i == 0 ? "" : ", ").append(q[i]);
    }
    return b.append(']').toString();
  }
}
