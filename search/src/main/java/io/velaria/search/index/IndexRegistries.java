package io.velaria.search.index;

import io.velaria.engine.session.Database;
import java.util.Iterator;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One {@link IndexRegistry} per open database, loaded from the database directory on first
 * use. Registries of databases that have been closed are closed (their Lucene readers
 * released) at the next lookup, because the engine has no close hook for modules.
 */
final class IndexRegistries {
  private static final Map<Database, IndexRegistry> REGISTRIES = new WeakHashMap<>();

  private IndexRegistries() {}

  static synchronized IndexRegistry of(Database database) {
    for (Iterator<Map.Entry<Database, IndexRegistry>> it = REGISTRIES.entrySet().iterator();
        it.hasNext();) {
      Map.Entry<Database, IndexRegistry> e = it.next();
      if (e.getKey().isClosed()) {
        e.getValue().close();
        it.remove();
      }
    }
    return REGISTRIES.computeIfAbsent(database, IndexRegistry::new);
  }
}
