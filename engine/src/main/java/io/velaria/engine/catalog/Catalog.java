package io.velaria.engine.catalog;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.storage.CatalogStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The tables, views and system tables of one database. Names are looked up ignoring case and
 * kept as declared. Every change is written through the {@link CatalogStore} before it is
 * visible, so a persistent catalog survives restarts.
 */
public final class Catalog {
  public static final String USER_SCHEMA = "main";
  public static final String SYSTEM_SCHEMA = "velaria";

  private final CatalogStore store;
  /** Opens the runtime side of an entry (connector table, managed data). */
  private final Function<TableDefinition, Object> opener;
  private volatile Map<String, CatalogEntry> entries = Map.of();
  private final Map<String, CatalogEntry> systemTables = new LinkedHashMap<>();
  private volatile long version;
  /** Keys of entries added by {@link #addTransient}: never written to the store. */
  private final java.util.Set<String> transientKeys = new java.util.HashSet<>();

  public Catalog(CatalogStore store, Function<TableDefinition, Object> opener) {
    this.store = store;
    this.opener = opener;
  }

  /** Loads persisted entries; an entry whose connector fails to open is kept but broken. */
  public synchronized void load() {
    Map<String, CatalogEntry> next = new LinkedHashMap<>();
    for (TableDefinition def : store.load()) {
      Object runtime;
      String error = null;
      try {
        runtime = opener.apply(def);
      } catch (VelariaException e) {
        runtime = null;
        error = e.getMessage();
      }
      next.put(key(def.schema(), def.name()), new CatalogEntry(def, runtime, error));
    }
    entries = next;
    version++;
  }

  private static String key(String schema, String name) {
    return schema.toLowerCase(Locale.ROOT) + "." + name.toLowerCase(Locale.ROOT);
  }

  public void registerSystemTable(TableDefinition def, Object runtime) {
    synchronized (systemTables) {
      systemTables.put(key(def.schema(), def.name()), new CatalogEntry(def, runtime, null));
    }
  }

  public Optional<CatalogEntry> find(String schema, String name) {
    String s = schema == null ? USER_SCHEMA : schema;
    CatalogEntry e = entries.get(key(s, name));
    if (e == null) {
      synchronized (systemTables) {
        e = systemTables.get(key(s, name));
      }
    }
    return Optional.ofNullable(e);
  }

  /** The entry or an error with SQLState 42P01 naming the table. */
  public CatalogEntry get(String schema, String name) {
    return find(schema, name).orElseThrow(() -> new VelariaException(
        SqlStates.UNDEFINED_TABLE, "table '" + name + "' does not exist"));
  }

  /** All user entries, in creation order. */
  public List<CatalogEntry> entries() {
    return List.copyOf(entries.values());
  }

  public List<CatalogEntry> systemEntries() {
    synchronized (systemTables) {
      return List.copyOf(systemTables.values());
    }
  }

  public List<String> schemas() {
    return List.of(USER_SCHEMA, SYSTEM_SCHEMA);
  }

  /** Adds an entry; {@code runtime} is what {@link CatalogEntry#runtime()} returns. */
  public synchronized CatalogEntry add(TableDefinition def, Object runtime) {
    String k = key(def.schema(), def.name());
    if (entries.containsKey(k)) {
      throw new VelariaException(
          SqlStates.DUPLICATE_TABLE, "table or view '" + def.name() + "' already exists");
    }
    Map<String, CatalogEntry> next = new LinkedHashMap<>(entries);
    CatalogEntry entry = new CatalogEntry(def, runtime, null);
    next.put(k, entry);
    persist(next);
    entries = next;
    version++;
    return entry;
  }

  /**
   * Replaces an entry's definition (same schema and name), keeping its runtime: for changes
   * that do not touch the data, such as triggers kept in a managed table's options.
   */
  public synchronized CatalogEntry replace(TableDefinition def) {
    String k = key(def.schema(), def.name());
    CatalogEntry old = entries.get(k);
    if (old == null) {
      throw new VelariaException(SqlStates.UNDEFINED_TABLE,
          "table '" + def.name() + "' does not exist");
    }
    Map<String, CatalogEntry> next = new LinkedHashMap<>(entries);
    CatalogEntry entry = new CatalogEntry(def, old.runtime(), null);
    next.put(k, entry);
    persist(next);
    entries = next;
    version++;
    return entry;
  }

  /**
   * Adds an entry that lives only as long as this catalog object (not persisted): tables
   * registered from Java objects, such as Arrow data, that cannot be reopened from options.
   */
  public synchronized CatalogEntry addTransient(TableDefinition def, Object runtime) {
    String k = key(def.schema(), def.name());
    if (entries.containsKey(k)) {
      return add(def, runtime); // throws "already exists"
    }
    transientKeys.add(k);
    try {
      return add(def, runtime);
    } catch (RuntimeException e) {
      transientKeys.remove(k);
      throw e;
    }
  }

  public synchronized void remove(String schema, String name) {
    String k = key(schema, name);
    if (!entries.containsKey(k)) {
      throw new VelariaException(SqlStates.UNDEFINED_TABLE, "table '" + name + "' does not exist");
    }
    Map<String, CatalogEntry> next = new LinkedHashMap<>(entries);
    next.remove(k);
    persist(next);
    transientKeys.remove(k);
    entries = next;
    version++;
  }

  private void persist(Map<String, CatalogEntry> next) {
    List<TableDefinition> defs = new ArrayList<>();
    for (CatalogEntry e : next.values()) {
      if (transientKeys.contains(key(e.definition().schema(), e.definition().name()))) {
        continue;
      }
      defs.add(e.definition());
    }
    store.save(defs);
  }

  /** Changes whenever the set of entries changes. */
  public long version() {
    return version;
  }
}
