package io.velaria.engine.sql;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.StatementResult;
import io.velaria.engine.spi.search.SearchIndexManager;
import io.velaria.engine.sql.parser.SqlCreateVelariaIndex;

/**
 * DdlExecutor's door to the search module's persistent indexes (KEYWORD and VECTOR kinds):
 * every call goes to the {@link SearchIndexManager} on the class path; without one, CREATE
 * says the search module is missing and the other calls find nothing.
 */
final class SearchIndexDdl {
  private SearchIndexDdl() {}

  static StatementResult create(Database database, SqlCreateVelariaIndex create) {
    SearchIndexManager manager = SearchIndexManager.find().orElseThrow(() ->
        new VelariaException(SqlStates.NOT_SUPPORTED_YET, "CREATE " + create.indexKind()
            + " INDEX needs the velaria-search module on the class path"));
    if (database.indexes().containsKey(
        DdlExecutor.simpleName(create.name()).toLowerCase(java.util.Locale.ROOT))) {
      if (create.ifNotExists()) {
        return StatementResult.updateCount(0);
      }
      throw new VelariaException(SqlStates.DUPLICATE_TABLE,
          "index '" + DdlExecutor.simpleName(create.name()) + "' already exists");
    }
    manager.create(database, create);
    return StatementResult.updateCount(0);
  }

  static boolean exists(Database database, String name) {
    return SearchIndexManager.find().map(m -> m.exists(database, name)).orElse(false);
  }

  static boolean drop(Database database, String name) {
    return SearchIndexManager.find().map(m -> m.drop(database, name)).orElse(false);
  }

  static boolean reindex(Database database, String indexOrTable) {
    return SearchIndexManager.find().map(m -> m.reindex(database, indexOrTable)).orElse(false);
  }

  static void tableDropped(Database database, String schema, String table) {
    SearchIndexManager.find().ifPresent(m -> m.tableDropped(database, schema, table));
  }
}
