package io.velaria.engine.spi.search;

import java.util.Arrays;

/**
 * The answer of a ranking: row ordinals and their scores, best first. Immutable; the arrays
 * are copied in and never handed out for writing.
 */
public final class ScoredRows {
  private static final ScoredRows EMPTY = new ScoredRows(new int[0], new double[0]);

  private final int[] rows;
  private final double[] scores;

  public ScoredRows(int[] rows, double[] scores) {
    if (rows.length != scores.length) {
      throw new IllegalArgumentException(
          "rows and scores differ in length: " + rows.length + " vs " + scores.length);
    }
    this.rows = rows.clone();
    this.scores = scores.clone();
  }

  public static ScoredRows empty() {
    return EMPTY;
  }

  public int size() {
    return rows.length;
  }

  /** Ordinal of the i-th best row. */
  public int row(int i) {
    return rows[i];
  }

  public double score(int i) {
    return scores[i];
  }

  @Override
  public String toString() {
    return "ScoredRows" + Arrays.toString(rows) + Arrays.toString(scores);
  }
}
