package io.velaria.engine.spi.search;

import io.velaria.engine.session.Database;
import io.velaria.engine.sql.parser.SqlCreateVelariaIndex;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * DDL of persistent search indexes ({@code CREATE KEYWORD INDEX}, {@code CREATE VECTOR INDEX},
 * their DROP and REINDEX), implemented by the search module and found with ServiceLoader.
 * The indexes it creates are the ones its {@link KeywordIndexProvider} and
 * {@link VectorIndexProvider} later offer to searches.
 */
public interface SearchIndexManager {
  /** Builds the index (KEYWORD or VECTOR kind); errors are VelariaExceptions. */
  void create(Database database, SqlCreateVelariaIndex create);

  /** Drops the index of that name and its files; false when no search index has the name. */
  boolean drop(Database database, String name);

  /** Rebuilds the index of that name, or every search index of that table; false if none. */
  boolean reindex(Database database, String indexOrTable);

  /** Removes the indexes of a table that was dropped. */
  void tableDropped(Database database, String schema, String table);

  /** Whether a search index has that name (index names are shared with plain indexes). */
  boolean exists(Database database, String name);

  /** The manager on the class path, or empty without the search module. */
  static Optional<SearchIndexManager> find() {
    return Holder.MANAGER;
  }

  /** Loads once per JVM. */
  final class Holder {
    private static final Optional<SearchIndexManager> MANAGER = ServiceLoader
        .load(SearchIndexManager.class, SearchIndexManager.class.getClassLoader()).findFirst();

    private Holder() {}
  }
}
