package io.velaria.engine.exec.agg;

/** Aggregate functions the hash aggregation computes. */
public enum AggKind {
  /** COUNT(*): rows in the group. */
  COUNT_STAR,
  /** COUNT(x): non-NULL values. */
  COUNT,
  /** SUM: NULL when all inputs are NULL or the group is empty. */
  SUM,
  /** SUM0 (Calcite's $SUM0): 0 instead of NULL. */
  SUM0,
  AVG,
  MIN,
  MAX,
  /** The single value of a scalar subquery; more than one row is error 21000. */
  SINGLE_VALUE,
  /** Any value of the group (used by decorrelation). */
  ANY_VALUE,
  BOOL_AND,
  BOOL_OR
}
