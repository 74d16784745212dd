package io.velaria.engine.sql;

import io.velaria.engine.plan.PlanNode;
import io.velaria.engine.session.ResultColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The physical plans of a session's recent queries by statement text, so that re-running a
 * statement (a PreparedStatement executed again with new parameters, a pool's validation query)
 * skips parsing, validation and Calcite's planning, which cost milliseconds each time. Plans are
 * immutable and take parameters and table data at execution, so one plan serves every
 * execution while the catalog is unchanged; any DDL (a new catalog version) empties the cache.
 * Row-count changes from INSERTs do not: a reused plan may keep a join order chosen for the
 * older sizes.
 */
final class PlanCache {
  /** A planned query: its result columns and plan, valid for one catalog version. */
  record Plan(List<ResultColumn> columns, PlanNode plan) {}

  private final int capacity;
  private final Map<String, Plan> plans;
  private long catalogVersion = -1;

  PlanCache(int capacity) {
    this.capacity = capacity;
    this.plans = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Plan> eldest) {
        return size() > PlanCache.this.capacity;
      }
    };
  }

  /** The plan of {@code sql} made under catalog version {@code version}, or null. */
  synchronized Plan get(String sql, long version) {
    sync(version);
    return plans.get(sql);
  }

  /** Remembers a plan made under {@code version} (read before planning began). */
  synchronized void put(String sql, long version, Plan plan) {
    sync(version);
    if (version == catalogVersion) {
      plans.put(sql, plan);
    }
  }

  /** A newer catalog makes every plan stale (and lets dropped tables' data be collected). */
  private void sync(long version) {
    if (version > catalogVersion) {
      plans.clear();
      catalogVersion = version;
    }
  }
}
