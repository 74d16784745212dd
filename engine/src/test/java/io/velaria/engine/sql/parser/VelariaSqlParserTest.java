package io.velaria.engine.sql.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class VelariaSqlParserTest {

  private static <T> T parse(String sql, Class<T> type) {
    return assertInstanceOf(type, VelariaSqlParser.parse(sql));
  }

  /** Unparses, parses the text again and checks the second unparse is the same text. */
  private static String roundTrip(SqlNode node) {
    String once = node.toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    String twice = VelariaSqlParser.parse(once).toSqlString(CalciteSqlDialect.DEFAULT).getSql();
    assertEquals(once, twice);
    return once;
  }

  /** Standard SQL must come out exactly as stock Calcite parses it with the same settings. */
  private static void sameAsCalcite(String sql) throws Exception {
    SqlParser.Config stock = VelariaSqlParser.config()
        .withParserFactory(org.apache.calcite.sql.parser.impl.SqlParserImpl.FACTORY);
    SqlNode expected = SqlParser.create(sql, stock).parseStmt();
    SqlNode actual = VelariaSqlParser.parse(sql);
    assertEquals(expected.getClass(), actual.getClass(), sql);
    assertEquals(expected.toString(), actual.toString(), sql);
    assertTrue(expected.equalsDeep(actual, org.apache.calcite.util.Litmus.THROW), sql);
  }

  // ---- configuration and standard statements ----

  @Test void configIsVelarias() {
    SqlParser.Config c = VelariaSqlParser.config();
    assertEquals(VelariaParserImpl.FACTORY, c.parserFactory());
    assertFalse(c.caseSensitive());
    assertEquals(org.apache.calcite.avatica.util.Casing.UNCHANGED, c.unquotedCasing());
    assertEquals(org.apache.calcite.avatica.util.Quoting.DOUBLE_QUOTE, c.quoting());
  }

  @Test void standardStatementsParseLikeCalcite() throws Exception {
    for (String sql : List.of(
        "SELECT a, b FROM t WHERE a > 1 AND b <> 'x'",
        "SELECT * FROM t1 JOIN t2 ON t1.id = t2.id LEFT JOIN t3 USING (id) WHERE t1.x != 3",
        "SELECT a FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.a = t.a)",
        "WITH c AS (SELECT a FROM t) SELECT a FROM c",
        "SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT a FROM v",
        "SELECT a, ROW_NUMBER() OVER (PARTITION BY b ORDER BY c) FROM t",
        "SELECT a, SUM(b) OVER w FROM t WINDOW w AS (PARTITION BY a ORDER BY c)",
        "SELECT a FROM t WHERE a > 0 WINDOW w AS (ORDER BY a)",
        "SELECT a FROM t ORDER BY a DESC LIMIT 10 OFFSET 5",
        "SELECT a FROM t ORDER BY a OFFSET 2 ROWS FETCH NEXT 3 ROWS ONLY",
        "SELECT DISTINCT a, CASE WHEN b IS NULL THEN 0 ELSE b END FROM t GROUP BY a, b HAVING COUNT(*) > 1",
        "SELECT CAST(a AS VARCHAR(10)), a LIKE 'x%', b BETWEEN 1 AND 2 FROM t",
        "INSERT INTO t VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO t (a, b) SELECT a, b FROM u",
        "DELETE FROM t WHERE a = 1",
        "UPDATE t SET a = 2 WHERE b = 3",
        "EXPLAIN PLAN FOR SELECT * FROM t",
        "VALUES (1, 2)")) {
      sameAsCalcite(sql);
    }
  }

  @Test void statementKinds() {
    assertInstanceOf(SqlWith.class, VelariaSqlParser.parse("WITH c AS (SELECT 1) SELECT * FROM c"));
    assertInstanceOf(SqlOrderBy.class, VelariaSqlParser.parse("SELECT a FROM t LIMIT 3;"));
    assertInstanceOf(SqlInsert.class, VelariaSqlParser.parse("INSERT INTO t (a) VALUES (1)"));
    assertInstanceOf(SqlDelete.class, VelariaSqlParser.parse("DELETE FROM t"));
    assertInstanceOf(SqlUpdate.class, VelariaSqlParser.parse("UPDATE t SET a = 1"));
  }

  @Test void explainShortAndLongForms() {
    SqlExplain shortForm = parse("EXPLAIN SELECT a FROM t WHERE a = 1", SqlExplain.class);
    assertEquals(SqlKind.SELECT, shortForm.getExplicandum().getKind());
    SqlExplain longForm = parse("EXPLAIN PLAN FOR SELECT a FROM t", SqlExplain.class);
    assertEquals(SqlKind.SELECT, longForm.getExplicandum().getKind());
    SqlExplain json = parse("EXPLAIN PLAN AS JSON FOR SELECT a FROM t", SqlExplain.class);
    assertTrue(json.isJson());
    SqlExplain insert = parse("EXPLAIN INSERT INTO s SELECT * FROM t", SqlExplain.class);
    assertInstanceOf(SqlInsert.class, insert.getExplicandum());
    SqlExplain search = parse(
        "EXPLAIN SELECT id FROM docs KEYWORD SEARCH(body) QUERY 'x'", SqlExplain.class);
    assertInstanceOf(SqlSearchQuery.class, search.getExplicandum());
  }

  @Test void parseStatementsSplitsOnSemicolons() {
    List<SqlNode> list = VelariaSqlParser.parseStatements(
        "CREATE TABLE t (a INT); INSERT INTO t VALUES (1); SELECT * FROM t;");
    assertEquals(3, list.size());
    assertInstanceOf(SqlCreateVelariaTable.class, list.get(0));
    assertInstanceOf(SqlInsert.class, list.get(1));
    assertInstanceOf(SqlSelect.class, list.get(2));
    assertThrows(VelariaException.class, () -> VelariaSqlParser.parse("SELECT 1; SELECT 2"));
  }

  // ---- CREATE / DROP TABLE ----

  @Test void createFileTable() {
    SqlCreateVelariaTable t = parse("CREATE TABLE people (id INT, name VARCHAR, born DATE)\n"
        + "  USING csv OPTIONS(path: '/data/people.csv', delimiter: ',', Header: 'true')",
        SqlCreateVelariaTable.class);
    assertEquals(SqlCreateVelariaTable.TableKind.TABLE, t.tableKind());
    assertFalse(t.ifNotExists());
    assertEquals("people", t.name().getSimple());
    assertEquals(3, t.columns().size());
    assertEquals("id", t.columns().get(0).name());
    assertEquals(SqlTypeName.INTEGER, typeName(t.columns().get(0)));
    assertEquals(SqlTypeName.DATE, typeName(t.columns().get(2)));
    assertEquals("csv", t.format());
    assertEquals(Map.of("path", "/data/people.csv", "delimiter", ",", "header", "true"),
        t.options());
    assertEquals(List.of("path", "delimiter", "header"), List.copyOf(t.options().keySet()));
    assertNull(t.query());
    roundTrip(t);
  }

  @Test void createTableOptionValuesAndKeys() {
    SqlCreateVelariaTable t = parse("CREATE TABLE e OPTIONS(path: '/x.xlsx', 'Sheet': 0, "
        + "range: 'A1:D100', header: true, ratio: 1.5, big: 12345678901234567890)",
        SqlCreateVelariaTable.class);
    assertTrue(t.columns().isEmpty());
    assertNull(t.format());
    Map<String, Object> o = t.options();
    assertEquals(0L, o.get("sheet"));
    assertEquals("A1:D100", o.get("range"));
    assertEquals(Boolean.TRUE, o.get("header"));
    assertEquals(new BigDecimal("1.5"), o.get("ratio"));
    assertEquals(new BigDecimal("12345678901234567890"), o.get("big"));
    assertEquals(t.options(), parse(roundTrip(t), SqlCreateVelariaTable.class).options());
  }

  @Test void regexOptionKeepsBackslashesAndQuotes() {
    SqlCreateVelariaTable t = parse("CREATE TABLE logs (uid INT, action VARCHAR, latency INT)\n"
        + "  USING line OPTIONS(path: '/data/app.log', mode: 'regex',\n"
        + "    regex_pattern: '^uid=(\\d+) action=\"([^\"]+)\" it''s', mappings: 'uid:1')",
        SqlCreateVelariaTable.class);
    assertEquals("line", t.format());
    assertEquals("^uid=(\\d+) action=\"([^\"]+)\" it's", t.options().get("regex_pattern"));
    assertEquals(t.options(), parse(roundTrip(t), SqlCreateVelariaTable.class).options());
  }

  @Test void createSourceAndSinkTables() {
    SqlCreateVelariaTable src = parse("CREATE SOURCE TABLE IF NOT EXISTS clicks "
        + "(ts BIGINT, key VARCHAR, v INT) USING csv OPTIONS(path: '/in/clicks/')",
        SqlCreateVelariaTable.class);
    assertEquals(SqlCreateVelariaTable.TableKind.SOURCE, src.tableKind());
    assertTrue(src.ifNotExists());
    assertEquals("key", src.columns().get(1).name());
    SqlCreateVelariaTable sink = parse("CREATE SINK TABLE per_key (window_start VARCHAR, n BIGINT)"
        + " USING csv OPTIONS(path: '/out/per_key.csv')", SqlCreateVelariaTable.class);
    assertEquals(SqlCreateVelariaTable.TableKind.SINK, sink.tableKind());
    assertEquals("CREATE SINK TABLE", roundTrip(sink).substring(0, 17));
  }

  @Test void sqliteStyleTablesWithConstraints() {
    SqlCreateVelariaTable t = parse(
        "CREATE TABLE t1(a INTEGER PRIMARY KEY, b INTEGER, c VARCHAR(30))",
        SqlCreateVelariaTable.class);
    assertTrue(t.columns().get(0).primaryKey());
    assertFalse(t.columns().get(0).nullable());
    assertTrue(t.columns().get(1).nullable());
    SqlBasicTypeNameSpec c = assertInstanceOf(SqlBasicTypeNameSpec.class,
        t.columns().get(2).type().getTypeNameSpec());
    assertEquals(30, c.getPrecision());
    assertEquals(List.of("a"), t.primaryKey());
    SqlCreateVelariaTable tab0 = parse("CREATE TABLE tab0(pk INTEGER PRIMARY KEY, col0 INTEGER, "
        + "col1 FLOAT, col2 TEXT, col3 INTEGER, col4 FLOAT, col5 TEXT)",
        SqlCreateVelariaTable.class);
    assertEquals(7, tab0.columns().size());
    assertEquals(SqlTypeName.FLOAT, typeName(tab0.columns().get(2)));
    assertEquals(SqlTypeName.VARCHAR, typeName(tab0.columns().get(3)));
    roundTrip(tab0);
  }

  @Test void columnConstraintsInAnyOrderAndTableConstraints() {
    SqlCreateVelariaTable t = parse("CREATE TABLE t (a INT NOT NULL DEFAULT 0, "
        + "b VARCHAR DEFAULT 'x' NULL UNIQUE, c INT DEFAULT -1 NOT NULL, d DATE, "
        + "PRIMARY KEY (a, d), UNIQUE (b), CONSTRAINT c1 UNIQUE (c))",
        SqlCreateVelariaTable.class);
    SqlColumnDeclaration a = t.columns().get(0);
    assertFalse(a.nullable());
    assertEquals("0", a.defaultValue().toString());
    assertFalse(a.type().getNullable());
    SqlColumnDeclaration b = t.columns().get(1);
    assertTrue(b.nullable());
    assertEquals("'x'", b.defaultValue().toString());
    assertFalse(t.columns().get(2).nullable());
    assertEquals("-1", t.columns().get(2).defaultValue().toString());
    assertNull(t.columns().get(3).defaultValue());
    assertEquals(List.of("a", "d"), t.primaryKey());
    assertEquals(t.primaryKey(), parse(roundTrip(t), SqlCreateVelariaTable.class).primaryKey());
    SqlCreateVelariaTable exprs = parse("CREATE TABLE t (a TIMESTAMP DEFAULT CURRENT_TIMESTAMP, "
        + "b INT DEFAULT (1 + 2) NOT NULL)", SqlCreateVelariaTable.class);
    assertEquals("1 + 2", exprs.columns().get(1).defaultValue().toString());
    assertFalse(exprs.columns().get(1).nullable());
    roundTrip(exprs);
  }

  @Test void allStandardColumnTypes() {
    SqlCreateVelariaTable t = parse("CREATE TABLE t (a VARCHAR(64), b DECIMAL(10,2), "
        + "c TIMESTAMP, d DATE, e DOUBLE, f INTEGER, g BOOLEAN, h VARBINARY, i TINYINT, "
        + "j SMALLINT, k BIGINT, l REAL, m TIME, n CHAR(3))", SqlCreateVelariaTable.class);
    List<SqlTypeName> expected = List.of(SqlTypeName.VARCHAR, SqlTypeName.DECIMAL,
        SqlTypeName.TIMESTAMP, SqlTypeName.DATE, SqlTypeName.DOUBLE, SqlTypeName.INTEGER,
        SqlTypeName.BOOLEAN, SqlTypeName.VARBINARY, SqlTypeName.TINYINT, SqlTypeName.SMALLINT,
        SqlTypeName.BIGINT, SqlTypeName.REAL, SqlTypeName.TIME, SqlTypeName.CHAR);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), typeName(t.columns().get(i)), t.columns().get(i).name());
    }
    SqlBasicTypeNameSpec dec = (SqlBasicTypeNameSpec) t.columns().get(1).type().getTypeNameSpec();
    assertEquals(10, dec.getPrecision());
    assertEquals(2, dec.getScale());
    roundTrip(t);
  }

  @Test void velariaTypeNames() {
    SqlCreateVelariaTable t = parse("CREATE TABLE t (a STRING, b TEXT, c INT64, d BOOL, "
        + "e FLOAT, f VECTOR(384))", SqlCreateVelariaTable.class);
    assertEquals(SqlTypeName.VARCHAR, typeName(t.columns().get(0)));
    assertEquals(SqlTypeName.VARCHAR, typeName(t.columns().get(1)));
    assertEquals(SqlTypeName.BIGINT, typeName(t.columns().get(2)));
    assertEquals(SqlTypeName.BOOLEAN, typeName(t.columns().get(3)));
    assertEquals(SqlTypeName.FLOAT, typeName(t.columns().get(4)));
    SqlVectorTypeNameSpec v = assertInstanceOf(SqlVectorTypeNameSpec.class,
        t.columns().get(5).type().getTypeNameSpec());
    assertEquals(384, v.dimension());
    String text = roundTrip(t);
    assertTrue(text.contains("VECTOR(384)"), text);
    SqlSelect cast = parse("SELECT CAST(a AS STRING), CAST(b AS INT64) FROM t", SqlSelect.class);
    assertEquals("CAST(`a` AS VARCHAR)", cast.getSelectList().get(0).toString());
  }

  @Test void everyFormatNameReads() {
    for (String f : List.of("csv", "tsv", "line", "json", "parquet", "excel", "arrow", "bitable",
        "'CSV'", "\"Json\"")) {
      String expected = f.replace("'", "").replace("\"", "").toLowerCase(java.util.Locale.ROOT);
      assertEquals(expected, parse("CREATE TABLE t USING " + f + " OPTIONS(path: '/p')",
          SqlCreateVelariaTable.class).format(), f);
    }
  }

  @Test void vectorTypeDerivesRealArray() {
    org.apache.calcite.rel.type.RelDataTypeFactory factory =
        new org.apache.calcite.sql.type.SqlTypeFactoryImpl(
            org.apache.calcite.rel.type.RelDataTypeSystem.DEFAULT);
    // Only getTypeFactory() is needed: a proxy avoids building a catalog for one call.
    org.apache.calcite.sql.validate.SqlValidator validator =
        (org.apache.calcite.sql.validate.SqlValidator) java.lang.reflect.Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {org.apache.calcite.sql.validate.SqlValidator.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getTypeFactory")) {
                return factory;
              }
              throw new UnsupportedOperationException(method.getName());
            });
    org.apache.calcite.rel.type.RelDataType type =
        new SqlVectorTypeNameSpec(8, org.apache.calcite.sql.parser.SqlParserPos.ZERO)
            .deriveType(validator);
    assertEquals(SqlTypeName.ARRAY, type.getSqlTypeName());
    assertEquals(SqlTypeName.REAL, type.getComponentType().getSqlTypeName());
  }

  @Test void createTableAsSelect() {
    SqlCreateVelariaTable t = parse("CREATE TABLE t2 AS SELECT a, b FROM t WHERE a > 1",
        SqlCreateVelariaTable.class);
    assertTrue(t.columns().isEmpty());
    assertInstanceOf(SqlSelect.class, t.query());
    roundTrip(t);
  }

  @Test void dropTable() {
    SqlDropVelariaTable d = parse("DROP TABLE IF EXISTS s.t CASCADE", SqlDropVelariaTable.class);
    assertTrue(d.ifExists());
    assertTrue(d.cascade());
    assertEquals(List.of("s", "t"), d.name().names);
    SqlDropVelariaTable plain = parse("DROP TABLE t RESTRICT", SqlDropVelariaTable.class);
    assertFalse(plain.ifExists());
    assertFalse(plain.cascade());
    assertEquals("DROP TABLE IF EXISTS \"s\".\"t\" CASCADE", roundTrip(d));
  }

  // ---- views and indexes ----

  @Test void views() {
    SqlCreateVelariaView v = parse("CREATE OR REPLACE VIEW v (x, y) AS SELECT a, b FROM t",
        SqlCreateVelariaView.class);
    assertTrue(v.orReplace());
    assertEquals("v", v.name().getSimple());
    assertEquals(List.of("x", "y"), v.columnNames());
    assertInstanceOf(SqlSelect.class, v.query());
    roundTrip(v);
    SqlCreateVelariaView plain = parse("CREATE VIEW v AS SELECT 1", SqlCreateVelariaView.class);
    assertFalse(plain.orReplace());
    assertTrue(plain.columnNames().isEmpty());
    SqlDropVelariaView d = parse("DROP VIEW IF EXISTS v", SqlDropVelariaView.class);
    assertTrue(d.ifExists());
    assertEquals("v", d.name().getSimple());
  }

  @Test void indexes() {
    SqlCreateVelariaIndex plain = parse("CREATE INDEX i ON t (a ASC, b DESC)",
        SqlCreateVelariaIndex.class);
    assertEquals(SqlCreateVelariaIndex.IndexKind.PLAIN, plain.indexKind());
    assertEquals(List.of("a", "b"), plain.columns());
    assertEquals("t", plain.table().getSimple());
    assertEquals(SqlCreateVelariaIndex.IndexKind.UNIQUE,
        parse("CREATE UNIQUE INDEX u ON t (a)", SqlCreateVelariaIndex.class).indexKind());
    SqlCreateVelariaIndex kw = parse(
        "CREATE KEYWORD INDEX IF NOT EXISTS k ON docs (title, body) WITH (analyzer = 'smartcn')",
        SqlCreateVelariaIndex.class);
    assertEquals(SqlCreateVelariaIndex.IndexKind.KEYWORD, kw.indexKind());
    assertTrue(kw.ifNotExists());
    assertEquals(Map.of("analyzer", "smartcn"), kw.with());
    SqlCreateVelariaIndex vec = parse("CREATE VECTOR INDEX v ON docs (embedding) USING HNSW "
        + "WITH (m = 16, ef_construction = 100, metric = cosine)", SqlCreateVelariaIndex.class);
    assertEquals(SqlCreateVelariaIndex.IndexKind.VECTOR, vec.indexKind());
    assertEquals("hnsw", vec.using());
    assertEquals(16L, vec.with().get("m"));
    assertEquals(100L, vec.with().get("ef_construction"));
    assertEquals("cosine", vec.with().get("metric"));
    assertEquals(vec.with(), parse(roundTrip(vec), SqlCreateVelariaIndex.class).with());
    assertEquals(SqlCreateVelariaIndex.IndexKind.EMBEDDING,
        parse("CREATE EMBEDDING INDEX e ON docs (body)", SqlCreateVelariaIndex.class).indexKind());
    SqlDropVelariaIndex d = parse("DROP INDEX IF EXISTS k", SqlDropVelariaIndex.class);
    assertTrue(d.ifExists());
    assertEquals("k", d.name().getSimple());
    assertFalse(parse("DROP INDEX k", SqlDropVelariaIndex.class).ifExists());
  }

  // ---- streams, windows, COPY ----

  @Test void windowBy() {
    SqlInsert insert = parse("INSERT INTO per_key\n"
        + "  SELECT window_start, key, COUNT(*) AS n, SUM(v) AS total\n"
        + "  FROM clicks WHERE v > 0 WINDOW BY ts EVERY 60000 SLIDE 30000 AS window_start\n"
        + "  GROUP BY window_start, key HAVING COUNT(*) > 1", SqlInsert.class);
    VelariaSqlSelect select = assertInstanceOf(VelariaSqlSelect.class, insert.getSource());
    SqlWindowBy w = select.windowBy();
    assertEquals("ts", w.timeColumn());
    assertEquals(60000L, w.every());
    assertEquals(30000L, w.slide());
    assertEquals("window_start", w.alias());
    assertEquals(2, select.getGroup().size());
    assertTrue(select.getHaving() != null && select.getWhere() != null);
    String text = roundTrip(select);
    assertTrue(text.contains("WINDOW BY \"ts\" EVERY 60000 SLIDE 30000 AS \"window_start\"\nGROUP BY"),
        text);
    VelariaSqlSelect tumbling = parse(
        "SELECT window_start, COUNT(*) FROM s WINDOW BY ts EVERY 1000 AS window_start "
            + "GROUP BY window_start", VelariaSqlSelect.class);
    assertEquals(1000L, tumbling.windowBy().slide());
    VelariaSqlSelect withNamedWindow = parse("SELECT w, SUM(a) OVER x FROM s "
        + "WINDOW BY ts EVERY 10 SLIDE 5 AS w GROUP BY w, a WINDOW x AS (ORDER BY a)",
        VelariaSqlSelect.class);
    assertEquals(5L, withNamedWindow.windowBy().slide());
    assertEquals(1, withNamedWindow.getWindowList().size());
    roundTrip(withNamedWindow);
    // A standard named window right after WHERE still works and stays a plain SqlSelect.
    SqlSelect named = parse("SELECT SUM(a) OVER w FROM t WHERE a > 0 WINDOW w AS (ORDER BY a)",
        SqlSelect.class);
    assertFalse(named instanceof VelariaSqlSelect);
    assertEquals(1, named.getWindowList().size());
    VelariaException bad = assertThrows(VelariaException.class, () -> VelariaSqlParser.parse(
        "SELECT 1 FROM s WINDOW BY ts EVERY 10 SLIDE 20 AS w"));
    assertEquals(SqlStates.SYNTAX_ERROR_PARSE, bad.sqlState());
    assertTrue(bad.getMessage().contains("SLIDE"), bad.getMessage());
  }

  @Test void startAndStopStream() {
    SqlStartStream start = parse("START STREAM s1 WITH (poll_ms = 500, mode = 'at_least_once') AS "
        + "INSERT INTO sink SELECT * FROM src", SqlStartStream.class);
    assertEquals("s1", start.name().getSimple());
    assertEquals(500L, start.with().get("poll_ms"));
    assertEquals("at_least_once", start.with().get("mode"));
    assertInstanceOf(SqlInsert.class, start.insert());
    roundTrip(start);
    SqlStartStream noWith = parse("START STREAM s2 AS INSERT INTO sink SELECT a FROM src "
        + "WINDOW BY ts EVERY 10 AS w GROUP BY w, a", SqlStartStream.class);
    assertTrue(noWith.with().isEmpty());
    assertInstanceOf(VelariaSqlSelect.class, ((SqlInsert) noWith.insert()).getSource());
    SqlStopStream stop = parse("STOP STREAM s1;", SqlStopStream.class);
    assertEquals("s1", stop.name().getSimple());
    assertEquals("STOP STREAM `s1`", stop.toString());
  }

  @Test void copyTo() {
    SqlCopyTo q = parse("COPY (SELECT a FROM t WHERE a > 1) TO '/out/x.parquet' "
        + "(FORMAT parquet, COMPRESSION 'zstd', HEADER true, ROW_GROUP_SIZE 1000)",
        SqlCopyTo.class);
    assertInstanceOf(SqlSelect.class, q.query());
    assertEquals("/out/x.parquet", q.path());
    assertEquals(List.of("format", "compression", "header", "row_group_size"),
        List.copyOf(q.options().keySet()));
    assertEquals("parquet", q.options().get("format"));
    assertEquals("zstd", q.options().get("compression"));
    assertEquals(Boolean.TRUE, q.options().get("header"));
    assertEquals(1000L, q.options().get("row_group_size"));
    assertEquals(q.options(), parse(roundTrip(q), SqlCopyTo.class).options());
    SqlCopyTo table = parse("COPY people TO '/out/p.csv'", SqlCopyTo.class);
    SqlSelect all = assertInstanceOf(SqlSelect.class, table.query());
    assertEquals("people", ((SqlIdentifier) all.getFrom()).getSimple());
    assertTrue(((SqlIdentifier) all.getSelectList().get(0)).isStar());
    assertTrue(table.options().isEmpty());
    roundTrip(table);
  }

  // ---- search ----

  @Test void keywordSearch() {
    SqlSearchQuery s = parse("SELECT id, title, keyword_score FROM docs\n"
        + " WHERE bucket = 1\n"
        + " KEYWORD SEARCH(title, body) QUERY 'payment timeout' TOP_K 10", SqlSearchQuery.class);
    SqlSelect select = assertInstanceOf(SqlSelect.class, s.query());
    assertTrue(select.getWhere() != null);
    assertEquals(List.of("title", "body"), s.keywordColumns());
    assertEquals("payment timeout", s.keywordQuery());
    assertEquals(10, s.keywordTopK());
    assertNull(s.vectorColumn());
    assertNull(parse("SELECT * FROM d KEYWORD SEARCH(b) QUERY 'x'", SqlSearchQuery.class)
        .keywordTopK());
    roundTrip(s);
  }

  @Test void hybridSearch() {
    SqlSearchQuery s = parse("SELECT id, vector_score FROM docs WHERE bucket = 1\n"
        + " HYBRID SEARCH embedding QUERY '[0.1 0.2 0.3]' METRIC 'COSINE' TOP_K 5 "
        + "EF_SEARCH 200 SCORE_THRESHOLD 0.02 FUSION rrf", SqlSearchQuery.class);
    assertTrue(s.keywordColumns().isEmpty());
    assertNull(s.keywordQuery());
    assertEquals("embedding", s.vectorColumn());
    assertEquals("[0.1 0.2 0.3]", s.vectorQuery());
    assertFalse(s.vectorQueryIsText());
    assertEquals("cosine", s.metric());
    assertEquals(5, s.vectorTopK());
    assertEquals(0.02, s.scoreThreshold());
    assertEquals(200, s.efSearch());
    assertEquals("rrf", s.fusion());
    roundTrip(s);
    SqlSearchQuery text = parse("SELECT * FROM docs HYBRID SEARCH e QUERY TEXT 'refund'",
        SqlSearchQuery.class);
    assertTrue(text.vectorQueryIsText());
    assertEquals("refund", text.vectorQuery());
    assertNull(text.metric());
    assertNull(text.vectorTopK());
    assertNull(text.scoreThreshold());
    assertNull(text.efSearch());
    // EF_SEARCH stays an ordinary (non-reserved) word elsewhere
    parse("SELECT ef_search FROM t WHERE ef_search > 1", SqlSelect.class);
  }

  @Test void bothSearchClausesAndOrdering() {
    SqlSearchQuery s = parse("SELECT id FROM docs WHERE b = 1 "
        + "KEYWORD SEARCH(body) QUERY 'x' TOP_K 50 "
        + "HYBRID SEARCH embedding QUERY '[1,2]' METRIC dot TOP_K 5 "
        + "ORDER BY vector_score DESC LIMIT 3", SqlSearchQuery.class);
    assertEquals(50, s.keywordTopK());
    assertEquals(5, s.vectorTopK());
    assertEquals("dot", s.metric());
    SqlOrderBy ordered = assertInstanceOf(SqlOrderBy.class, s.query());
    assertEquals("3", ordered.fetch.toString());
    SqlSearchQuery before = parse("SELECT id FROM docs ORDER BY id LIMIT 3 "
        + "KEYWORD SEARCH(body) QUERY 'x'", SqlSearchQuery.class);
    assertInstanceOf(SqlOrderBy.class, before.query());
    assertThrows(VelariaException.class, () -> VelariaSqlParser.parse(
        "SELECT id FROM docs ORDER BY id KEYWORD SEARCH(body) QUERY 'x' ORDER BY id"));
    assertThrows(VelariaException.class, () -> VelariaSqlParser.parse(
        "SELECT id FROM docs HYBRID SEARCH e QUERY 'x' KEYWORD SEARCH(body) QUERY 'x'"));
  }

  @Test void searchWordsAreReservedOnlyWhereNeeded() throws Exception {
    // KEYWORD must be reserved, or it would be read as the alias of docs.
    assertThrows(VelariaException.class,
        () -> VelariaSqlParser.parse("SELECT keyword FROM t"));
    SqlSelect quoted = parse("SELECT \"keyword\", \"hybrid\" FROM t", SqlSelect.class);
    assertEquals("keyword", ((SqlIdentifier) quoted.getSelectList().get(0)).getSimple());
    // New non-reserved words stay usable as names.
    SqlSelect names = parse("SELECT text, format, query, metric, top_k, slide, sink, source, "
        + "copy, vector, embedding, stop, string, bool, int64, score_threshold, \"index\" "
        + "FROM t AS query WHERE text = 'a'", SqlSelect.class);
    assertEquals(17, names.getSelectList().size());
    sameAsCalcite("SELECT format, source FROM t");
    sameAsCalcite("SELECT IF(a > 1, 1, 2), text, query FROM t");
    SqlCreateVelariaTable t = parse("CREATE TABLE t (text TEXT, query VARCHAR, format INT)",
        SqlCreateVelariaTable.class);
    assertEquals("text", t.columns().get(0).name());
  }

  // ---- errors ----

  @Test void syntaxErrorCarriesPositionAndState() {
    VelariaException e = assertThrows(VelariaException.class,
        () -> VelariaSqlParser.parse("SELECT * FROM t WHERE"));
    assertEquals(SqlStates.SYNTAX_ERROR_PARSE, e.sqlState());
    assertTrue(e.getMessage().contains("line 1, column 21"), e.getMessage());
    assertTrue(e.getMessage().contains("<EOF>"), e.getMessage());
  }

  @Test void syntaxErrorOnSecondLine() {
    VelariaException e = assertThrows(VelariaException.class,
        () -> VelariaSqlParser.parse("SELECT a, b\nFROM t WHERE a = = 1"));
    assertEquals("42601", e.sqlState());
    assertTrue(e.getMessage().contains("line 2, column 16"), e.getMessage());
    VelariaException opt = assertThrows(VelariaException.class,
        () -> VelariaSqlParser.parse("CREATE TABLE t (a INT)\n  OPTIONS(path '/x')"));
    assertTrue(opt.getMessage().contains("line 2, column 16"), opt.getMessage());
  }

  private static SqlTypeName typeName(SqlColumnDeclaration c) {
    return SqlTypeName.get(c.type().getTypeName().getSimple());
  }
}
