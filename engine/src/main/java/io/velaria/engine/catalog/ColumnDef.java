package io.velaria.engine.catalog;

import io.velaria.engine.type.DataType;
import java.util.Objects;

/** A column of a table: its name as declared, its type and whether it may be NULL. */
public record ColumnDef(String name, DataType type, boolean nullable) {
  public ColumnDef {
    Objects.requireNonNull(name);
    Objects.requireNonNull(type);
  }

  public static ColumnDef of(String name, DataType type) {
    return new ColumnDef(name, type, true);
  }
}
