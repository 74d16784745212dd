package io.velaria.engine.type;

/** The SQL types the engine stores and computes with. */
public enum TypeKind {
  BOOLEAN(PhysicalKind.BOOLEAN),
  TINYINT(PhysicalKind.LONG),
  SMALLINT(PhysicalKind.LONG),
  INTEGER(PhysicalKind.LONG),
  BIGINT(PhysicalKind.LONG),
  REAL(PhysicalKind.DOUBLE),
  DOUBLE(PhysicalKind.DOUBLE),
  /** Unscaled value in a long; precision is at most 18. */
  DECIMAL(PhysicalKind.LONG),
  CHAR(PhysicalKind.STRING),
  VARCHAR(PhysicalKind.STRING),
  /** Days since 1970-01-01. */
  DATE(PhysicalKind.LONG),
  /** Milliseconds since midnight. */
  TIME(PhysicalKind.LONG),
  /** Milliseconds since the epoch, UTC, no time zone. */
  TIMESTAMP(PhysicalKind.LONG),
  VARBINARY(PhysicalKind.BYTES),
  /** Fixed-size float32 vector. */
  VECTOR(PhysicalKind.FLOAT_ARRAY),
  /** The type of an untyped NULL literal. */
  NULL(PhysicalKind.LONG);

  private final PhysicalKind physical;

  TypeKind(PhysicalKind physical) {
    this.physical = physical;
  }

  public PhysicalKind physical() {
    return physical;
  }

  public boolean isIntegral() {
    return this == TINYINT || this == SMALLINT || this == INTEGER || this == BIGINT;
  }

  public boolean isNumeric() {
    return isIntegral() || this == REAL || this == DOUBLE || this == DECIMAL;
  }

  public boolean isString() {
    return this == CHAR || this == VARCHAR;
  }

  public boolean isTemporal() {
    return this == DATE || this == TIME || this == TIMESTAMP;
  }
}
