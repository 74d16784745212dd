package io.velaria.engine.exec.operator;

/**
 * Join types as the hash join sees them: the probe side is the "left" of LEFT/SEMI/ANTI, the
 * build side is the "right" of RIGHT.
 */
public enum JoinType {
  INNER,
  /** Every probe row; build columns NULL when unmatched. */
  LEFT,
  /** Every build row; probe columns NULL when unmatched. */
  RIGHT,
  FULL,
  /** Probe rows with at least one match; only probe columns. */
  SEMI,
  /** Probe rows with no match; only probe columns. */
  ANTI
}
