package io.velaria.engine.sql;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.sql.calcite.SearchTableFunction;
import io.velaria.engine.sql.parser.SqlSearchQuery;
import io.velaria.engine.sql.parser.VelariaSqlSelect;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Rewrites {@code SELECT list FROM f WHERE w [GROUP BY ...] KEYWORD/HYBRID SEARCH ...
 * [ORDER BY ...] [LIMIT ...]} into {@code SELECT list FROM TABLE(search_fn((SELECT * FROM f
 * WHERE w), ...)) AS f [GROUP BY ...] [ORDER BY ...] [LIMIT ...]}: search applies to the rows
 * that pass WHERE, everything after WHERE applies to the searched rows, and the clause and the
 * table functions share one implementation.
 */
public final class SearchClauseRewriter {
  private static final SqlParserPos POS = SqlParserPos.ZERO;

  private SearchClauseRewriter() {}

  public static SqlNode rewrite(SqlSearchQuery search) {
    if (search.hasVectorSearch() && search.vectorQueryIsText()) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "HYBRID SEARCH ... QUERY TEXT"
          + " needs the embeddings module (it turns the text into a vector); give the query"
          + " vector as '[x y ...]' instead");
    }
    SqlNode query = search.query();
    SqlSelect select = query instanceof SqlOrderBy ? asSelect(((SqlOrderBy) query).query)
        : asSelect(query);
    if (select instanceof VelariaSqlSelect && ((VelariaSqlSelect) select).windowBy() != null) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
          "KEYWORD/HYBRID SEARCH cannot be used in a stream query (WINDOW BY)");
    }
    SqlNode from = select.getFrom();
    if (from == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "KEYWORD/HYBRID SEARCH needs a FROM clause to search");
    }
    SqlSelect candidates = new SqlSelect(POS, null, SqlNodeList.of(SqlIdentifier.star(POS)),
        from, select.getWhere(), null, null, null, null, null, null, null, null);
    SqlCall searchCall = searchCall(search, candidates);
    SqlNode table = SqlStdOperatorTable.COLLECTION_TABLE.createCall(POS, searchCall);
    String alias = aliasOf(from);
    select.setFrom(alias == null ? table
        : SqlStdOperatorTable.AS.createCall(POS, table, new SqlIdentifier(alias, POS)));
    select.setWhere(null);
    return query;
  }

  private static SqlSelect asSelect(SqlNode node) {
    if (node instanceof SqlSelect) {
      return (SqlSelect) node;
    }
    throw new VelariaException(SqlStates.SYNTAX_ERROR,
        "KEYWORD/HYBRID SEARCH follows a SELECT ... FROM ... [WHERE ...] query, not "
            + node.getKind());
  }

  private static SqlCall searchCall(SqlSearchQuery s, SqlSelect candidates) {
    List<SqlNode> args = new ArrayList<>();
    args.add(candidates);
    if (s.hasKeywordSearch()) {
      args.add(descriptor(s.keywordColumns()));
      args.add(s.keywordParam() != null ? s.keywordParam()
          : SqlLiteral.createCharString(s.keywordQuery(), POS));
      args.add(number(s.keywordTopK()));
      if (!s.hasVectorSearch()) {
        return SearchTableFunction.KEYWORD_SEARCH.createCall(POS, args);
      }
    }
    args.add(descriptor(List.of(s.vectorColumn())));
    args.add(s.vectorParam() != null ? s.vectorParam()
        : SqlLiteral.createCharString(s.vectorQuery(), POS));
    args.add(s.metric() == null ? SqlLiteral.createNull(POS)
        : SqlLiteral.createCharString(s.metric(), POS));
    args.add(number(s.vectorTopK()));
    args.add(number(s.scoreThreshold()));
    if (!s.hasKeywordSearch()) {
      if (s.efSearch() != null) {
        args.add(number(s.efSearch()));
      }
      return SearchTableFunction.VECTOR_SEARCH.createCall(POS, args);
    }
    args.add(s.fusion() == null ? SqlLiteral.createNull(POS)
        : SqlLiteral.createCharString(s.fusion(), POS));
    if (s.efSearch() != null) {
      args.add(SqlLiteral.createNull(POS)); // analyzer: the keyword clause has none
      args.add(number(s.efSearch()));
    }
    return SearchTableFunction.HYBRID_SEARCH.createCall(POS, args);
  }

  private static SqlNode descriptor(List<String> columns) {
    List<SqlNode> ids = new ArrayList<>();
    for (String c : columns) {
      ids.add(new SqlIdentifier(c, POS));
    }
    return SqlStdOperatorTable.DESCRIPTOR.createCall(POS, ids);
  }

  private static SqlNode number(Number n) {
    if (n == null) {
      return SqlLiteral.createNull(POS);
    }
    String text = n instanceof Double ? BigDecimal.valueOf((Double) n).toPlainString()
        : n.toString();
    return text.startsWith("-")
        ? SqlStdOperatorTable.UNARY_MINUS.createCall(POS,
            SqlLiteral.createExactNumeric(text.substring(1), POS))
        : SqlLiteral.createExactNumeric(text, POS);
  }

  /** The name the searched rows keep: the FROM table's alias or name (null for joins). */
  private static String aliasOf(SqlNode from) {
    if (from instanceof SqlIdentifier) {
      List<String> names = ((SqlIdentifier) from).names;
      return names.get(names.size() - 1);
    }
    if (from.getKind() == SqlKind.AS) {
      SqlNode alias = ((SqlBasicCall) from).operand(1);
      return alias instanceof SqlIdentifier ? ((SqlIdentifier) alias).getSimple() : null;
    }
    return null;
  }
}
