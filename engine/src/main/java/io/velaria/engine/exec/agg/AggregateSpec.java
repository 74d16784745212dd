package io.velaria.engine.exec.agg;

import io.velaria.engine.type.DataType;

/**
 * One aggregate of a hash aggregation.
 *
 * @param kind the function
 * @param argument input column index, or -1 for COUNT(*)
 * @param distinct aggregate distinct values only
 * @param filterColumn index of a BOOLEAN input column; only rows where it is TRUE count; -1 for none
 * @param inputType type of the argument column (null for COUNT(*))
 * @param resultType type of the output column
 */
public record AggregateSpec(
    AggKind kind, int argument, boolean distinct, int filterColumn, DataType inputType,
    DataType resultType) {}
