package io.velaria.search.keyword;

import io.velaria.engine.spi.search.ScoredRows;
import java.util.PriorityQueue;

/**
 * Keeps the best {@code k} (row, score) pairs offered in increasing row order: higher score
 * first, equal scores to the earlier row.
 */
final class TopScores {
  private record Entry(int row, double score) {}

  private final int k;
  /** Worst entry at the head: lowest score, and among equal scores the latest row. */
  private final PriorityQueue<Entry> heap;

  TopScores(int k) {
    this.k = k;
    this.heap = new PriorityQueue<>(Math.min(k, 1024) + 1, (a, b) -> a.score != b.score
        ? Double.compare(a.score, b.score) : Integer.compare(b.row, a.row));
  }

  void offer(int row, double score) {
    if (heap.size() < k) {
      heap.add(new Entry(row, score));
    } else if (score > heap.peek().score) {
      // rows come in increasing order, so an equal score never displaces an earlier row
      heap.poll();
      heap.add(new Entry(row, score));
    }
  }

  ScoredRows result() {
    int size = heap.size();
    int[] rows = new int[size];
    double[] scores = new double[size];
    for (int i = size - 1; i >= 0; i--) {
      Entry e = heap.poll();
      rows[i] = e.row;
      scores[i] = e.score;
    }
    return new ScoredRows(rows, scores);
  }
}
