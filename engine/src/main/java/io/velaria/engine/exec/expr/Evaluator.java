package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.type.DataType;

/**
 * A compiled scalar expression: computes one output column from a whole input batch.
 * Evaluators are made per query, so constant arguments are pre-processed once.
 */
public interface Evaluator {
  DataType type();

  /** Returns a column with one value per input row. */
  Column evaluate(Batch input);
}
