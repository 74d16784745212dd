package io.velaria.search.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.session.DatabaseConfig;
import io.velaria.engine.session.QueryControl;
import io.velaria.engine.session.Session;
import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.ScoredRows;
import io.velaria.engine.spi.search.SearchServices;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorMetric;
import io.velaria.engine.storage.TableData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CREATE/DROP/REINDEX through SQL, then the indexes as the engine finds them through the SPI. */
class IndexLifecycleTest {
  @TempDir Path dir;

  private static void sql(Session s, String sql) {
    s.execute(sql, List.of(), new QueryControl()).close();
  }

  private static SearchTarget target(Database db, String table, String... columns) {
    long version = db.catalog().get("main", table).runtime(TableData.class).version();
    return new SearchTarget("main", table, List.of(columns), version, db);
  }

  private static Database open(String spec) {
    return Database.open(DatabaseConfig.parse(spec, new Properties()));
  }

  @Test
  void keywordIndexIsUsedRebuiltWhenStaleAndSurvivesReopen() throws Exception {
    String spec = dir.resolve("db").toString();
    Path indexDir = dir.resolve("db").resolve("search-indexes").resolve("docs_kw");
    try (Database db = open(spec); Session s = db.newSession()) {
      sql(s, "CREATE TABLE docs (id BIGINT, title VARCHAR, body VARCHAR)");
      sql(s, "INSERT INTO docs VALUES (1, 'payment timeout', 'gateway slow'),"
          + " (2, 'login error', 'password'), (3, 'refund', 'payment returned')");
      sql(s, "CREATE KEYWORD INDEX docs_kw ON docs(title, body) WITH (analyzer = 'english')");
      assertTrue(Files.exists(indexDir.resolve("index.properties")));
      KeywordIndex index = SearchServices.findKeywordIndex(
          target(db, "docs", "title", "body"), null).orElseThrow();
      assertTrue(index.explain().startsWith("keyword index docs_kw on docs(title, body)"),
          index.explain());
      assertFalse(index.explain().contains("stale"));
      assertEquals(List.of(0, 2), rows(index.search("payment timeout", 10, null)));
      // other columns, or another analyzer asked for explicitly: not this index
      assertTrue(SearchServices.findKeywordIndex(target(db, "docs", "title"), null).isEmpty());
      assertTrue(SearchServices.findKeywordIndex(
          target(db, "docs", "title", "body"), "default").isEmpty());

      sql(s, "INSERT INTO docs VALUES (4, 'timeout timeout timeout', NULL)");
      KeywordIndex fresh = SearchServices.findKeywordIndex(
          target(db, "docs", "title", "body"), "standard").orElseThrow();
      assertTrue(fresh.explain().contains("stale: the table changed since the last build,"
          + " rebuilt when the query runs"), fresh.explain());
      // finding (planning, EXPLAIN) does not rebuild; the search does
      assertTrue(Files.exists(indexDir.resolve("g1")) && !Files.exists(indexDir.resolve("g2")));
      assertEquals(3, rows(fresh.search("timeout", 10, null)).get(0));
      assertTrue(Files.exists(indexDir.resolve("g2")) && !Files.exists(indexDir.resolve("g1")));
    }
    try (Database db = open(spec)) {
      KeywordIndex reopened = SearchServices.findKeywordIndex(
          target(db, "docs", "title", "body"), null).orElseThrow();
      assertFalse(reopened.explain().contains("stale"), reopened.explain());
      assertEquals(List.of(3, 0), rows(reopened.search("timeout", 10, null)));
      try (Session s = db.newSession()) {
        sql(s, "DROP INDEX docs_kw");
        assertFalse(Files.exists(indexDir));
        assertTrue(SearchServices.findKeywordIndex(
            target(db, "docs", "title", "body"), null).isEmpty());
        VelariaException e = assertThrows(VelariaException.class, () -> sql(s, "DROP INDEX docs_kw"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
      }
    }
  }

  @Test
  void vectorIndexMatchesItsMetricAndSurvivesReopenInAPersistentDatabase() {
    String spec = dir.resolve("vdb").toString();
    try (Database db = open(spec); Session s = db.newSession()) {
      sql(s, "CREATE TABLE items (id BIGINT, bucket INT, embedding VECTOR(3))");
      sql(s, "INSERT INTO items VALUES (10, 0, '[1, 0, 0]'), (20, 1, '[0.9, 0.1, 0]'),"
          + " (30, 1, '[0, 1, 0]'), (40, 1, NULL)");
      sql(s, "CREATE VECTOR INDEX items_vec ON items(embedding) USING hnsw"
          + " WITH (m = 8, ef_construction = 50)");
      VectorIndex index = SearchServices.findVectorIndex(target(db, "items", "embedding"),
          VectorMetric.COSINE).orElseThrow();
      assertTrue(index.explain().contains("hnsw index items_vec on items(embedding)")
          && index.explain().contains("m=8, ef_construction=50"), index.explain());
      ScoredRows top = index.search(new float[] {1, 0, 0}, VectorMetric.COSINE, 2,
          r -> r != 0);
      assertEquals(List.of(1, 2), rows(top));
      assertEquals(1 - 0.9 / Math.sqrt(0.82), top.score(0), 1e-6);
      // built for cosine: an l2 search scans exactly instead
      assertTrue(SearchServices.findVectorIndex(target(db, "items", "embedding"),
          VectorMetric.L2).isEmpty());
    }
    try (Database db = open(spec)) {
      VectorIndex index = SearchServices.findVectorIndex(target(db, "items", "embedding"),
          VectorMetric.COSINE).orElseThrow();
      assertEquals(List.of(0, 1, 2), rows(index.search(new float[] {1, 0, 0},
          VectorMetric.COSINE, 10, null)));
    }
  }

  @Test
  void inMemoryIndexesAndDropTableRemovesThem() {
    try (Database db = open("mem:search_index_lifecycle"); Session s = db.newSession()) {
      sql(s, "CREATE TABLE t (id BIGINT, v VECTOR(2), txt VARCHAR)");
      sql(s, "INSERT INTO t VALUES (1, '[1, 0]', 'a b'), (2, '[0, 1]', 'b c')");
      sql(s, "CREATE VECTOR INDEX t_v ON t(v) WITH (metric = 'dot')");
      sql(s, "CREATE KEYWORD INDEX t_k ON t(txt)");
      sql(s, "CREATE KEYWORD INDEX IF NOT EXISTS t_k ON t(txt)");
      VelariaException dup = assertThrows(VelariaException.class,
          () -> sql(s, "CREATE KEYWORD INDEX t_k ON t(txt)"));
      assertEquals("42P07", dup.sqlState());
      assertEquals(List.of(1, 0), rows(SearchServices.findVectorIndex(target(db, "t", "v"),
          VectorMetric.DOT).orElseThrow().search(new float[] {0, 2}, VectorMetric.DOT, 5, null)));
      assertEquals(List.of(1),
          rows(SearchServices.findKeywordIndex(target(db, "t", "txt"), null).orElseThrow()
              .search("c", 5, null)));
      sql(s, "DROP TABLE t");
      sql(s, "CREATE TABLE t (id BIGINT, v VECTOR(2), txt VARCHAR)");
      assertEquals(Optional.empty(), SearchServices.findVectorIndex(target(db, "t", "v"),
          VectorMetric.DOT));
      assertEquals(Optional.empty(), SearchServices.findKeywordIndex(target(db, "t", "txt"),
          null));
    }
  }

  @Test
  void badIndexDefinitionsAreClearErrors() {
    try (Database db = open("mem:search_index_errors"); Session s = db.newSession()) {
      sql(s, "CREATE TABLE t (id BIGINT, v VECTOR(2), txt VARCHAR)");
      assertError(s, "CREATE VECTOR INDEX x ON t(txt)", "42804", "not a VECTOR");
      assertError(s, "CREATE VECTOR INDEX x ON t(v) USING ivf", "42000", "USING hnsw");
      assertError(s, "CREATE VECTOR INDEX x ON t(v) WITH (m = 0)", "42000", "m must be");
      assertError(s, "CREATE VECTOR INDEX x ON t(nope)", "42703", "'nope' does not exist");
      assertError(s, "CREATE KEYWORD INDEX x ON t(v)", "42804", "text columns");
      assertError(s, "CREATE KEYWORD INDEX x ON t(txt) WITH (analyzer = 'klingon')", "42000",
          "unknown analyzer");
      assertError(s, "CREATE KEYWORD INDEX x ON missing(txt)", "42P01", "does not exist");
      assertFalse(Files.exists(dir.resolve("search-indexes")));
    }
  }

  private static void assertError(Session s, String sql, String state, String text) {
    VelariaException e = assertThrows(VelariaException.class, () -> sql(s, sql), sql);
    assertEquals(state, e.sqlState(), e.getMessage());
    assertTrue(e.getMessage().contains(text), e.getMessage());
  }

  private static List<Integer> rows(ScoredRows r) {
    List<Integer> out = new java.util.ArrayList<>();
    for (int i = 0; i < r.size(); i++) {
      out.add(r.row(i));
    }
    return out;
  }
}
