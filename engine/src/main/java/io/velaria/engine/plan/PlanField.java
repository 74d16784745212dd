package io.velaria.engine.plan;

import io.velaria.engine.type.DataType;

/** A column of a plan node's output. */
public record PlanField(String name, DataType type, boolean nullable) {}
