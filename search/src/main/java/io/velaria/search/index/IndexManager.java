package io.velaria.search.index;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.search.SearchIndexManager;
import io.velaria.engine.sql.parser.SqlCreateVelariaIndex;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** CREATE/DROP/REINDEX of keyword and vector indexes, for the engine's DdlExecutor. */
public final class IndexManager implements SearchIndexManager {
  @Override
  public void create(Database database, SqlCreateVelariaIndex create) {
    IndexDefinition.Kind kind = create.indexKind() == SqlCreateVelariaIndex.IndexKind.VECTOR
        ? IndexDefinition.Kind.VECTOR : IndexDefinition.Kind.KEYWORD;
    SqlIdentifier table = create.table();
    IndexRegistries.of(database).create(last(create.name()), kind, schemaOf(table),
        last(table), List.copyOf(create.columns()), create.using(), create.with(),
        create.ifNotExists());
  }

  @Override
  public boolean drop(Database database, String name) {
    return IndexRegistries.of(database).drop(name);
  }

  @Override
  public boolean reindex(Database database, String indexOrTable) {
    return IndexRegistries.of(database).reindex(indexOrTable);
  }

  @Override
  public void tableDropped(Database database, String schema, String table) {
    IndexRegistries.of(database).tableDropped(schema, table);
  }

  @Override
  public boolean exists(Database database, String name) {
    return IndexRegistries.of(database).exists(name);
  }

  private static String last(SqlIdentifier id) {
    return id.names.get(id.names.size() - 1);
  }

  private static String schemaOf(SqlIdentifier id) {
    return id.names.size() > 1 ? id.names.get(id.names.size() - 2) : Catalog.USER_SCHEMA;
  }
}
