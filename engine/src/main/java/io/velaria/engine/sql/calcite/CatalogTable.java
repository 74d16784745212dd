package io.velaria.engine.sql.calcite;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.storage.TableData;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * How Calcite sees a catalog table: its row type and a row count for join ordering. Calcite
 * never reads it; the plan converter recognises the scan and reads the entry itself.
 */
public final class CatalogTable extends AbstractTable {
  private final CatalogEntry entry;

  public CatalogTable(CatalogEntry entry) {
    this.entry = entry;
  }

  public CatalogEntry entry() {
    return entry;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return TypeMapping.rowType(typeFactory, entry.definition().columns());
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(estimatedRows(), List.of());
  }

  /** Row count estimate; unknown sizes default to a middling 10,000 rows. */
  public double estimatedRows() {
    Object runtime = entry.runtime();
    if (entry.definition().kind() == TableKind.MANAGED && runtime instanceof TableData) {
      return Math.max(1, ((TableData) runtime).rowCount());
    }
    if (runtime instanceof ConnectorTable) {
      long n = ((ConnectorTable) runtime).estimatedRowCount();
      return n > 0 ? n : 10_000;
    }
    if (runtime instanceof SystemTable) {
      return 100;
    }
    return 10_000;
  }
}
