package io.velaria.engine.plan;

import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.catalog.TableKind;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.VectorText;
import io.velaria.engine.spi.ConnectorTable;
import io.velaria.engine.spi.search.KeywordIndex;
import io.velaria.engine.spi.search.KeywordRanker;
import io.velaria.engine.spi.search.SearchServices;
import io.velaria.engine.spi.search.SearchTarget;
import io.velaria.engine.spi.search.VectorIndex;
import io.velaria.engine.spi.search.VectorMetric;
import io.velaria.engine.sql.calcite.SearchTableFunction;
import io.velaria.engine.storage.TableData;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.calcite.rel.core.TableFunctionScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a call of a search table function into a {@link SearchNode}: reads and checks the
 * arguments, applies SPEC 2.4's defaults, and asks the index providers for a persistent index
 * when the search reads a whole table.
 */
final class SearchPlanning {
  private SearchPlanning() {}

  static PlanNode plan(TableFunctionScan scan, RelToPlanConverter converter) {
    if (!(scan.getCall() instanceof RexCall)
        || !(((RexCall) scan.getCall()).getOperator() instanceof SearchTableFunction)
        || scan.getInputs().size() != 1) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
          "table function not supported: " + scan.getCall());
    }
    RexCall call = (RexCall) scan.getCall();
    SearchTableFunction.Kind kind = ((SearchTableFunction) call.getOperator()).kind();
    PlanNode input = converter.convert(scan.getInput(0));
    rejectStreams(input);
    Args args = new Args(kind, call.getOperands(), input);
    SearchSpec.Keyword keyword = kind == SearchTableFunction.Kind.VECTOR ? null : keyword(args);
    SearchSpec.Vector vector = kind == SearchTableFunction.Kind.KEYWORD ? null : vector(args);
    boolean rrf = false;
    String fusion = args.string("fusion");
    if (fusion != null) {
      switch (fusion.toLowerCase(Locale.ROOT)) {
        case "rrf": rrf = true; break;
        case "none": break;
        default:
          throw new VelariaException(SqlStates.SYNTAX_ERROR,
              "unknown FUSION '" + fusion + "'; use rrf (reciprocal-rank fusion) or none");
      }
    }
    if (rrf && vector.threshold() != null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "SCORE_THRESHOLD cannot be combined with FUSION rrf");
    }
    SearchSpec spec = new SearchSpec(keyword, vector, rrf);
    ScanNode table = tableScan(input);
    KeywordIndex keywordIndex = null;
    VectorIndex vectorIndex = null;
    if (table != null && keyword != null) {
      keywordIndex = SearchServices.findKeywordIndex(target(table, keyword.columns(), converter),
          keyword.analyzer()).orElse(null);
    }
    if (table != null && vector != null && (keyword == null || rrf)) {
      vectorIndex = SearchServices.findVectorIndex(
          target(table, new int[] {vector.column()}, converter),
          vector.metric()).orElse(null);
    }
    if (keyword != null && keywordIndex == null) {
      checkRanker(keyword.analyzer());
    }
    int dimension = vector == null ? 0 : declaredDimension(input, vector);
    if (dimension > 0 && vector.queryParam() < 0 && dimension != vector.query().length) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "query vector has dimension "
          + vector.query().length + " but column " + vector.columnName() + " is VECTOR("
          + dimension + ")");
    }
    List<PlanField> fields = RelToPlanConverter.fields(scan.getRowType());
    if ((keywordIndex != null || vectorIndex != null) && table.filter() != null) {
      // an index answers table row ordinals: scan every row in order and let WHERE decide
      // which ordinals the index may return
      ScanNode all = allColumns(table);
      return new SearchNode(fields, all, remap(spec, table.columns()), keywordIndex,
          vectorIndex, dimension, candidates(input), table.filter(), table.columns());
    }
    return new SearchNode(fields, input, spec, keywordIndex, vectorIndex, dimension,
        candidates(input), null, null);
  }

  /** A scan of every column of the table, in table order, without a filter. */
  private static ScanNode allColumns(ScanNode scan) {
    List<io.velaria.engine.catalog.ColumnDef> defs = scan.table().definition().columns();
    int[] columns = new int[defs.size()];
    List<PlanField> fields = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      columns[i] = i;
      fields.add(new PlanField(defs.get(i).name(), defs.get(i).type(), true));
    }
    return new ScanNode(fields, scan.table(), columns, null, List.of());
  }

  /** The spec with input positions replaced by the table positions they read. */
  private static SearchSpec remap(SearchSpec spec, int[] tableColumns) {
    SearchSpec.Keyword k = spec.keyword();
    if (k != null) {
      int[] cols = new int[k.columns().length];
      for (int i = 0; i < cols.length; i++) {
        cols[i] = tableColumns[k.columns()[i]];
      }
      k = new SearchSpec.Keyword(cols, k.columnNames(), k.query(), k.topK(), k.analyzer(),
          k.queryParam());
    }
    SearchSpec.Vector v = spec.vector();
    if (v != null) {
      v = new SearchSpec.Vector(tableColumns[v.column()], v.columnName(), v.query(), v.metric(),
          v.topK(), v.threshold(), v.queryParam(), v.efSearch());
    }
    return new SearchSpec(k, v, spec.rrf());
  }

  private static SearchSpec.Keyword keyword(Args args) {
    int[] columns = args.descriptor("columns");
    List<String> names = new ArrayList<>();
    for (int c : columns) {
      names.add(args.input.fields().get(c).name());
    }
    String queryArg = args.kind == SearchTableFunction.Kind.HYBRID ? "keyword_query" : "query";
    int param = args.parameter(queryArg);
    String query = param >= 0 ? null : args.string(queryArg);
    if (query == null && param < 0) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "the keyword query must not be NULL");
    }
    int topK = args.topK(args.kind == SearchTableFunction.Kind.HYBRID ? "keyword_top_k" : "top_k");
    String analyzer = args.string("analyzer");
    return new SearchSpec.Keyword(columns, names, query, topK,
        analyzer == null ? null : analyzer.toLowerCase(Locale.ROOT), param);
  }

  private static SearchSpec.Vector vector(Args args) {
    int column = args.descriptor("column")[0];
    String name = args.input.fields().get(column).name();
    int param = args.parameter("query");
    float[] query = null;
    if (param < 0) {
      String text = args.string("query");
      if (text == null) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "the query vector must not be NULL");
      }
      query = VectorText.parse(text);
      if (query.length == 0) {
        throw new VelariaException(SqlStates.INVALID_PARAMETER_VALUE,
            "the query vector is empty: '" + text + "'");
      }
    }
    String metricName = args.string("metric");
    VectorMetric metric = metricName == null ? SearchSpec.DEFAULT_METRIC
        : VectorMetric.fromSql(metricName);
    if (metric == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "unknown METRIC '" + metricName + "'; use cosine, l2 or dot");
    }
    int topK = args.topK("top_k");
    BigDecimal threshold = args.number("score_threshold");
    return new SearchSpec.Vector(column, name, query, metric, topK,
        threshold == null ? null : threshold.doubleValue(), param, args.efSearch());
  }

  private static void checkRanker(String analyzer) {
    Optional<KeywordRanker> ranker = SearchServices.keywordRanker();
    if (ranker.isEmpty()) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET,
          "keyword search needs the velaria-search module on the class path");
    }
    if (analyzer != null && !ranker.get().analyzers().contains(analyzer)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "unknown analyzer '" + analyzer
          + "'; known: " + String.join(", ", new java.util.TreeSet<>(ranker.get().analyzers())));
    }
  }

  /** SPEC 2.3: search over an unbounded SOURCE table (a stream query) is an error. */
  private static void rejectStreams(PlanNode node) {
    if (node instanceof ScanNode
        && ((ScanNode) node).table().definition().kind() == TableKind.SOURCE) {
      throw new VelariaException(SqlStates.NOT_SUPPORTED_YET, "KEYWORD/HYBRID SEARCH cannot be"
          + " used in a stream query: '" + ((ScanNode) node).table().definition().name()
          + "' is a SOURCE table");
    }
    for (PlanNode in : node.inputs()) {
      rejectStreams(in);
    }
  }

  /** The input as a scan of a table (managed or external), for index use; otherwise null. */
  private static ScanNode tableScan(PlanNode input) {
    if (input instanceof ScanNode) {
      TableKind kind = ((ScanNode) input).table().definition().kind();
      return kind == TableKind.MANAGED || kind == TableKind.EXTERNAL ? (ScanNode) input : null;
    }
    return null;
  }

  private static SearchTarget target(ScanNode scan, int[] inputColumns,
      RelToPlanConverter converter) {
    CatalogEntry entry = scan.table();
    List<String> names = new ArrayList<>();
    for (int c : inputColumns) {
      names.add(entry.definition().columns().get(scan.columns()[c]).name());
    }
    long version = entry.runtime() instanceof TableData
        ? ((TableData) entry.runtime()).version() : -1;
    return new SearchTarget(entry.definition().schema(), entry.definition().name(), names,
        version, converter.database());
  }

  private static int declaredDimension(PlanNode input, SearchSpec.Vector vector) {
    DataType t = input.fields().get(vector.column()).type();
    if (t.kind() == TypeKind.VECTOR && t.dimension() > 0) {
      return t.dimension();
    }
    if (input instanceof ScanNode) {
      ScanNode scan = (ScanNode) input;
      if (scan.table().openError() != null) {
        return 0;
      }
      DataType declared = scan.table().definition().columns()
          .get(scan.columns()[vector.column()]).type();
      return declared.kind() == TypeKind.VECTOR ? Math.max(declared.dimension(), 0) : 0;
    }
    return 0;
  }

  /** For EXPLAIN: where the candidate rows come from, with a row count when known. */
  private static String candidates(PlanNode input) {
    if (!(input instanceof ScanNode)) {
      return "rows of the input";
    }
    ScanNode scan = (ScanNode) input;
    CatalogEntry entry = scan.table();
    long rows = -1;
    if (entry.openError() == null && entry.runtime() instanceof TableData) {
      rows = ((TableData) entry.runtime()).rowCount();
    } else if (entry.openError() == null && entry.runtime() instanceof ConnectorTable) {
      rows = ((ConnectorTable) entry.runtime()).estimatedRowCount();
    }
    String name = entry.definition().name();
    return scan.filter() == null
        ? "all rows of " + name + (rows >= 0 ? " (" + rows + " rows)" : "")
        : "rows of " + name + " passing WHERE" + (rows >= 0 ? " (of " + rows + " rows)" : "");
  }

  /** The call's operands by parameter name. */
  private static final class Args {
    final SearchTableFunction.Kind kind;
    final List<RexNode> operands;
    final PlanNode input;

    Args(SearchTableFunction.Kind kind, List<RexNode> operands, PlanNode input) {
      this.kind = kind;
      this.operands = operands;
      this.input = input;
    }

    RexNode operand(String param) {
      int i = kind.position(param);
      return i < 0 || i >= operands.size() ? null : operands.get(i);
    }

    int[] descriptor(String param) {
      RexNode n = operand(param);
      if (!(n instanceof RexCall) || ((RexCall) n).getKind() != SqlKind.DESCRIPTOR) {
        throw new VelariaException(SqlStates.SYNTAX_ERROR, param + " must be DESCRIPTOR(...)");
      }
      List<RexNode> refs = ((RexCall) n).getOperands();
      int[] out = new int[refs.size()];
      for (int i = 0; i < out.length; i++) {
        if (!(refs.get(i) instanceof RexInputRef)) {
          throw new VelariaException(SqlStates.SYNTAX_ERROR,
              "DESCRIPTOR must list columns of the searched rows: " + refs.get(i));
        }
        out[i] = ((RexInputRef) refs.get(i)).getIndex();
      }
      return out;
    }

    /** The index of the JDBC parameter given for {@code param} ({@code ?}), or -1. */
    int parameter(String param) {
      RexNode n = operand(param);
      if (n instanceof RexCall && n.getKind() == SqlKind.CAST) {
        n = ((RexCall) n).getOperands().get(0);
      }
      return n instanceof org.apache.calcite.rex.RexDynamicParam
          ? ((org.apache.calcite.rex.RexDynamicParam) n).getIndex() : -1;
    }

    String string(String param) {
      RexNode n = operand(param);
      if (n == null || (n instanceof RexLiteral && ((RexLiteral) n).isNull())) {
        return null;
      }
      if (n instanceof RexLiteral) {
        String s = ((RexLiteral) n).getValueAs(String.class);
        if (s != null) {
          return s;
        }
      }
      throw new VelariaException(SqlStates.SYNTAX_ERROR, param + " must be a string literal");
    }

    BigDecimal number(String param) {
      RexNode n = operand(param);
      boolean negate = false;
      if (n instanceof RexCall && n.getKind() == SqlKind.MINUS_PREFIX) {
        negate = true;
        n = ((RexCall) n).getOperands().get(0);
      }
      if (n == null || (n instanceof RexLiteral && ((RexLiteral) n).isNull())) {
        return null;
      }
      if (n instanceof RexLiteral) {
        BigDecimal v = ((RexLiteral) n).getValueAs(BigDecimal.class);
        if (v != null) {
          return negate ? v.negate() : v;
        }
      }
      throw new VelariaException(SqlStates.SYNTAX_ERROR, param + " must be a number");
    }

    /** EF_SEARCH n: null when not given, else an integer in [1, MAX_EF_SEARCH]. */
    Integer efSearch() {
      BigDecimal v = number("ef_search");
      if (v == null) {
        return null;
      }
      if (v.signum() <= 0 || v.scale() > 0 && v.stripTrailingZeros().scale() > 0
          || v.compareTo(BigDecimal.valueOf(SearchSpec.MAX_EF_SEARCH)) > 0) {
        throw new VelariaException(SqlStates.INVALID_PARAMETER_VALUE, "EF_SEARCH must be an"
            + " integer between 1 and " + SearchSpec.MAX_EF_SEARCH + ", got " + v.toPlainString());
      }
      return v.intValueExact();
    }

    int topK(String param) {
      BigDecimal v = number(param);
      if (v == null) {
        return SearchSpec.DEFAULT_TOP_K;
      }
      if (v.signum() <= 0 || v.scale() > 0 && v.stripTrailingZeros().scale() > 0
          || v.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
        throw new VelariaException(SqlStates.INVALID_PARAMETER_VALUE,
            "TOP_K must be a positive integer, got " + v.toPlainString());
      }
      return v.intValueExact();
    }
  }
}
