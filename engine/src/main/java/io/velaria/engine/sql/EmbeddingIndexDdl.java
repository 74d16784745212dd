package io.velaria.engine.sql;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.embed.EmbeddingIndexBuilder;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.sql.parser.SqlCreateVelariaIndex;
import io.velaria.engine.sql.parser.SqlDropVelariaIndex;
import io.velaria.engine.sql.parser.SqlReindex;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;

/**
 * DdlExecutor's door to embedding indexes: {@code CREATE EMBEDDING INDEX}, and {@code REINDEX}
 * / {@code DROP INDEX} of an embedding index's table. Returns null for every other statement.
 */
final class EmbeddingIndexDdl {
  private EmbeddingIndexDdl() {}

  static StatementResult handle(Database database, StatementRunner runner, SqlNode node,
      QueryControl control) {
    if (node instanceof SqlCreateVelariaIndex c
        && c.indexKind() == SqlCreateVelariaIndex.IndexKind.EMBEDDING) {
      return new EmbeddingIndexBuilder(database, runner).create(new EmbeddingIndexBuilder.Request(
          DdlExecutor.schemaOf(c.name()), DdlExecutor.simpleName(c.name()),
          DdlExecutor.schemaOf(c.table()), DdlExecutor.simpleName(c.table()), c.columns(),
          c.with(), c.ifNotExists()), control);
    }
    if (node instanceof SqlReindex r && r.name() != null) {
      Optional<CatalogEntry> t = indexTable(database, r.name());
      if (t.isPresent()) {
        return new EmbeddingIndexBuilder(database, runner).reindex(t.get().definition(),
            control);
      }
    }
    if (node instanceof SqlDropVelariaIndex d) {
      Optional<CatalogEntry> t = indexTable(database, d.name());
      if (t.isPresent()) {
        database.catalog().remove(t.get().definition().schema(), t.get().definition().name());
        database.tableStore().drop(t.get().definition().storageId());
        return StatementResult.updateCount(0);
      }
    }
    return null;
  }

  private static Optional<CatalogEntry> indexTable(Database database,
      org.apache.calcite.sql.SqlIdentifier name) {
    return database.catalog().find(DdlExecutor.schemaOf(name), DdlExecutor.simpleName(name))
        .filter(e -> EmbeddingIndexBuilder.isIndexTable(e.definition()));
  }
}
