package io.velaria.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A top-level query followed by {@code KEYWORD SEARCH(cols) QUERY 'text' [TOP_K n]} and/or
 * {@code HYBRID SEARCH col QUERY [TEXT] 'q' [METRIC m] [TOP_K n] [EF_SEARCH n]
 * [SCORE_THRESHOLD x] [FUSION f]} ({@code EF_SEARCH}: this query's HNSW ef_search).
 * Search applies to the rows that pass WHERE; ORDER BY / LIMIT of {@link #query()} (written
 * before or after the clauses) then rank the searched rows. Defaults are left null here so
 * the engine owns them (SPEC: TOP_K 10, METRIC cosine).
 */
public final class SqlSearchQuery extends SqlCall {
  public static final SqlOperator OPERATOR = new SqlSpecialOperator("SEARCH", SqlKind.OTHER);

  private final SqlNode query;
  private final List<String> keywordColumns;
  private final String keywordQuery;
  private final Integer keywordTopK;
  private final String vectorColumn;
  private final String vectorQuery;
  private final boolean vectorQueryIsText;
  private final String metric;
  private final Integer vectorTopK;
  private final Double scoreThreshold;
  private final String fusion;
  private final SqlDynamicParam keywordParam;
  private final SqlDynamicParam vectorParam;
  private final Integer efSearch;

  public SqlSearchQuery(SqlParserPos pos, SqlNode query, List<String> keywordColumns,
      String keywordQuery, Integer keywordTopK, String vectorColumn, String vectorQuery,
      boolean vectorQueryIsText, String metric, Integer vectorTopK, Double scoreThreshold,
      String fusion) {
    this(pos, query, keywordColumns, keywordQuery, null, keywordTopK, vectorColumn, vectorQuery,
        null, vectorQueryIsText, metric, vectorTopK, scoreThreshold, fusion);
  }

  /** With {@code QUERY ?}: a JDBC parameter instead of the keyword and/or vector query text. */
  public SqlSearchQuery(SqlParserPos pos, SqlNode query, List<String> keywordColumns,
      String keywordQuery, SqlDynamicParam keywordParam, Integer keywordTopK,
      String vectorColumn, String vectorQuery, SqlDynamicParam vectorParam,
      boolean vectorQueryIsText, String metric, Integer vectorTopK, Double scoreThreshold,
      String fusion) {
    this(pos, query, keywordColumns, keywordQuery, keywordParam, keywordTopK, vectorColumn,
        vectorQuery, vectorParam, vectorQueryIsText, metric, vectorTopK, scoreThreshold, fusion,
        null);
  }

  /** With {@code EF_SEARCH n}: the HNSW ef_search of this query (null: the index's own). */
  public SqlSearchQuery(SqlParserPos pos, SqlNode query, List<String> keywordColumns,
      String keywordQuery, SqlDynamicParam keywordParam, Integer keywordTopK,
      String vectorColumn, String vectorQuery, SqlDynamicParam vectorParam,
      boolean vectorQueryIsText, String metric, Integer vectorTopK, Double scoreThreshold,
      String fusion, Integer efSearch) {
    super(pos);
    this.efSearch = efSearch;
    this.keywordParam = keywordParam;
    this.vectorParam = vectorParam;
    this.query = Objects.requireNonNull(query);
    this.keywordColumns = List.copyOf(keywordColumns);
    this.keywordQuery = keywordQuery;
    this.keywordTopK = keywordTopK;
    this.vectorColumn = vectorColumn;
    this.vectorQuery = vectorQuery;
    this.vectorQueryIsText = vectorQueryIsText;
    this.metric = metric == null ? null : metric.toLowerCase(Locale.ROOT);
    this.vectorTopK = vectorTopK;
    this.scoreThreshold = scoreThreshold;
    this.fusion = fusion == null ? null : fusion.toLowerCase(Locale.ROOT);
  }

  /** Collects the clauses while the grammar reads them (a rule cannot return several values). */
  static final class Builder {
    final List<String> keywordColumns = new ArrayList<>();
    String keywordQuery;
    Integer keywordTopK;
    String vectorColumn;
    String vectorQuery;
    boolean vectorQueryIsText;
    String metric;
    Integer vectorTopK;
    Double scoreThreshold;
    String fusion;
    SqlDynamicParam keywordParam;
    SqlDynamicParam vectorParam;
    Integer efSearch;

    SqlSearchQuery build(SqlParserPos pos, SqlNode query) {
      return new SqlSearchQuery(pos, query, keywordColumns, keywordQuery, keywordParam,
          keywordTopK, vectorColumn, vectorQuery, vectorParam, vectorQueryIsText, metric,
          vectorTopK, scoreThreshold, fusion, efSearch);
    }
  }

  /** The query without the search clauses (a SqlSelect, or a SqlOrderBy around one). */
  public SqlNode query() { return query; }
  public boolean hasKeywordSearch() { return keywordQuery != null || keywordParam != null; }
  public boolean hasVectorSearch() { return vectorColumn != null; }
  /** Columns searched as one document; empty without a KEYWORD clause. */
  public List<String> keywordColumns() { return keywordColumns; }
  /** The keyword query text; null when it is a parameter ({@link #keywordParam()}). */
  public String keywordQuery() { return keywordQuery; }
  /** {@code QUERY ?} of the keyword clause, or null. */
  public SqlDynamicParam keywordParam() { return keywordParam; }
  /** {@code QUERY ?} of the vector clause, or null. */
  public SqlDynamicParam vectorParam() { return vectorParam; }
  public Integer keywordTopK() { return keywordTopK; }
  public String vectorColumn() { return vectorColumn; }
  /** A vector literal like '[0.1 0.2]', or text to embed when {@link #vectorQueryIsText()}. */
  public String vectorQuery() { return vectorQuery; }
  public boolean vectorQueryIsText() { return vectorQueryIsText; }
  public String metric() { return metric; }
  public Integer vectorTopK() { return vectorTopK; }
  public Double scoreThreshold() { return scoreThreshold; }
  public String fusion() { return fusion; }
  /** {@code EF_SEARCH n} of the vector clause, or null (the index's own ef_search). */
  public Integer efSearch() { return efSearch; }

  @Override public SqlOperator getOperator() { return OPERATOR; }

  @Override public SqlKind getKind() { return SqlKind.OTHER; }

  @Override public List<SqlNode> getOperandList() { return List.of(query); }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    query.unparse(writer, 0, 0);
    if (hasKeywordSearch()) {
      writer.keyword("KEYWORD SEARCH");
      SqlWriter.Frame frame = writer.startList("(", ")");
      for (String c : keywordColumns) {
        writer.sep(",");
        writer.identifier(c, true);
      }
      writer.endList(frame);
      writer.keyword("QUERY");
      if (keywordParam != null) {
        keywordParam.unparse(writer, 0, 0);
      } else {
        writer.literal(VelariaParserSupport.quote(keywordQuery));
      }
      if (keywordTopK != null) {
        writer.keyword("TOP_K");
        writer.literal(keywordTopK.toString());
      }
    }
    if (vectorColumn != null) {
      writer.keyword("HYBRID SEARCH");
      writer.identifier(vectorColumn, true);
      writer.keyword(vectorQueryIsText ? "QUERY TEXT" : "QUERY");
      if (vectorParam != null) {
        vectorParam.unparse(writer, 0, 0);
      } else {
        writer.literal(VelariaParserSupport.quote(vectorQuery));
      }
      if (metric != null) {
        writer.keyword("METRIC");
        writer.identifier(metric, true);
      }
      if (vectorTopK != null) {
        writer.keyword("TOP_K");
        writer.literal(vectorTopK.toString());
      }
      if (efSearch != null) {
        writer.keyword("EF_SEARCH");
        writer.literal(efSearch.toString());
      }
      if (scoreThreshold != null) {
        writer.keyword("SCORE_THRESHOLD");
        writer.literal(scoreThreshold.toString());
      }
      if (fusion != null) {
        writer.keyword("FUSION");
        writer.identifier(fusion, true);
      }
    }
  }
}
