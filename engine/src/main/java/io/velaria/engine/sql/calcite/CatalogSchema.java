package io.velaria.engine.sql.calcite;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ViewTable;

/** One schema of the catalog as Calcite sees it, built per statement from catalog entries. */
public final class CatalogSchema extends AbstractSchema {
  private final Map<String, Table> tables = new LinkedHashMap<>();

  public CatalogSchema(String schemaName, List<CatalogEntry> entries) {
    for (CatalogEntry e : entries) {
      if (!e.definition().schema().equalsIgnoreCase(schemaName)) {
        continue;
      }
      tables.put(e.definition().name(), toTable(e));
    }
  }

  private static Table toTable(CatalogEntry e) {
    if (e.definition().kind() == TableKind.VIEW) {
      RelProtoDataType proto = (RelDataTypeFactory f) ->
          TypeMapping.rowType(f, e.definition().columns());
      return new ViewTable(Object[].class, proto, e.definition().viewSql(),
          List.of(e.definition().schema()), List.of(e.definition().schema(),
              e.definition().name()));
    }
    return new CatalogTable(e);
  }

  @Override
  protected Map<String, Table> getTableMap() {
    return tables;
  }
}
