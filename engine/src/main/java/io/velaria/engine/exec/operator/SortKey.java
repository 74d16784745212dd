package io.velaria.engine.exec.operator;

/** One ORDER BY key: a column of the input and its direction and NULL placement. */
public record SortKey(int column, boolean descending, boolean nullsFirst) {}
