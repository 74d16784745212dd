package io.velaria.engine.exec.operator;

/** Compares two rows of a batch by position, without boxing. */
@FunctionalInterface
interface RowComparator {
  int compare(int a, int b);
}
