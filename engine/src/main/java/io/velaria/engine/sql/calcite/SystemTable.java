package io.velaria.engine.sql.calcite;

import io.velaria.engine.column.Batch;
import java.util.List;

/** The runtime side of a system table: computes its rows when scanned. */
public interface SystemTable {
  List<Batch> rows();
}
