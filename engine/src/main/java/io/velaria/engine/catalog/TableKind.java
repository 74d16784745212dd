package io.velaria.engine.catalog;

/** What a catalog entry is; also decides what {@code DatabaseMetaData.getTables} reports. */
public enum TableKind {
  /** Data owned by the database. */
  MANAGED("TABLE"),
  /** A table over files or a remote service, read through a connector. */
  EXTERNAL("TABLE"),
  VIEW("VIEW"),
  /** An unbounded stream input. */
  SOURCE("SOURCE TABLE"),
  /** A stream output. */
  SINK("SINK TABLE"),
  /** Engine-provided tables under the {@code velaria} schema. */
  SYSTEM("SYSTEM TABLE");

  private final String jdbcType;

  TableKind(String jdbcType) {
    this.jdbcType = jdbcType;
  }

  /** The TABLE_TYPE reported through JDBC metadata. */
  public String jdbcType() {
    return jdbcType;
  }
}
