package io.velaria.search.index;

/** A search hit: the row ordinal in the table's scan order and its score. */
public record ScoredRow(int row, double score) {}
