package io.velaria.engine.plan;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.spi.ColumnPredicate;
import io.velaria.engine.spi.ConnectorTable;
import java.util.Arrays;
import java.util.List;
import org.apache.calcite.rex.RexNode;

/**
 * Reads a table: only {@code columns} (indexes into the table's columns) are produced, and
 * rows failing {@code filter} (over the table's full row, may be null) are dropped inside the
 * scan. {@code predicates} are the simple parts of the filter offered to the connector.
 */
public final class ScanNode extends PlanNode {
  private final CatalogEntry table;
  private final int[] columns;
  private final RexNode filter;
  private final List<ColumnPredicate> predicates;

  public ScanNode(List<PlanField> fields, CatalogEntry table, int[] columns, RexNode filter,
      List<ColumnPredicate> predicates) {
    super(fields);
    this.table = table;
    this.columns = columns.clone();
    this.filter = filter;
    this.predicates = List.copyOf(predicates);
  }

  public CatalogEntry table() {
    return table;
  }

  public int[] columns() {
    return columns.clone();
  }

  public RexNode filter() {
    return filter;
  }

  public List<ColumnPredicate> predicates() {
    return predicates;
  }

  @Override
  public List<PlanNode> inputs() {
    return List.of();
  }

  @Override
  public <R> R accept(PlanVisitor<R> visitor) {
    return visitor.visit(this);
  }

  @Override
  public String describe() {
    StringBuilder sb = new StringBuilder("Scan ").append(table.definition().name());
    sb.append(" columns=").append(Arrays.toString(columns));
    if (filter != null) {
      sb.append(" filter=").append(filter);
    }
    if (!predicates.isEmpty()) {
      sb.append(" pushed=").append(predicates);
    }
    if (table.runtime() instanceof ConnectorTable) {
      // the connector's own line: format, path and what it skipped (e.g. Parquet row groups)
      sb.append(" source=[").append(((ConnectorTable) table.runtime()).describe()).append(']');
    }
    return sb.toString();
  }
}
