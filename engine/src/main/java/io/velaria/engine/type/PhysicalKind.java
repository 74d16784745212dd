package io.velaria.engine.type;

/** How values of a type are laid out in a column. */
public enum PhysicalKind {
  BOOLEAN,
  LONG,
  DOUBLE,
  STRING,
  BYTES,
  FLOAT_ARRAY
}
