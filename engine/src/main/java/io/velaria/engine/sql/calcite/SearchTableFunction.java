package io.velaria.engine.sql.calcite;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlTableFunction;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.SqlOperatorTable;

/**
 * The search table functions: {@code keyword_search}, {@code vector_search} and
 * {@code hybrid_search}. Each takes a table (or subquery) first and returns its rows that the
 * search keeps, best first, with the score columns added. The KEYWORD/HYBRID SEARCH clauses are
 * rewritten into these calls, so there is one way search is planned and run.
 */
public final class SearchTableFunction extends SqlFunction implements SqlTableFunction {
  public static final String KEYWORD_SCORE = "keyword_score";
  public static final String VECTOR_SCORE = "vector_score";
  public static final String FUSION_SCORE = "fusion_score";

  /** Which search a function runs; the operand layout follows from it. */
  public enum Kind {
    /** (data, DESCRIPTOR(cols), query [, top_k [, analyzer]]) */
    KEYWORD("KEYWORD_SEARCH", List.of("data", "columns", "query", "top_k", "analyzer"), 3),
    /** (data, DESCRIPTOR(col), query [, metric [, top_k [, score_threshold [, ef_search]]]]) */
    VECTOR("VECTOR_SEARCH", List.of("data", "column", "query", "metric", "top_k",
        "score_threshold", "ef_search"), 3),
    /**
     * (data, DESCRIPTOR(cols), keyword_query, keyword_top_k, DESCRIPTOR(col), vector_query
     * [, metric [, top_k [, score_threshold [, fusion [, analyzer [, ef_search]]]]]])
     */
    HYBRID("HYBRID_SEARCH", List.of("data", "columns", "keyword_query", "keyword_top_k",
        "column", "query", "metric", "top_k", "score_threshold", "fusion", "analyzer",
        "ef_search"), 6);

    final String sqlName;
    final List<String> params;
    final int mandatory;

    Kind(String sqlName, List<String> params, int mandatory) {
      this.sqlName = sqlName;
      this.params = params;
      this.mandatory = mandatory;
    }

    /** Position of a named parameter, or -1. */
    public int position(String param) {
      return params.indexOf(param);
    }
  }

  public static final SearchTableFunction KEYWORD_SEARCH = new SearchTableFunction(Kind.KEYWORD);
  public static final SearchTableFunction VECTOR_SEARCH = new SearchTableFunction(Kind.VECTOR);
  public static final SearchTableFunction HYBRID_SEARCH = new SearchTableFunction(Kind.HYBRID);

  private final Kind kind;

  private SearchTableFunction(Kind kind) {
    super(kind.sqlName, SqlKind.OTHER_FUNCTION, ReturnTypes.CURSOR,
        (binding, returnType, operandTypes) -> queryParameterTypes(kind, binding, operandTypes),
        new Operands(kind), SqlFunctionCategory.SYSTEM);
    this.kind = kind;
  }

  /**
   * A {@code ?} given as the query ({@code QUERY ?}) is typed VARCHAR (text, or a vector as
   * '[x y ...]'; a float[] is accepted too): Calcite cannot infer the type of a parameter of
   * a function whose parameters are ANY.
   */
  private static void queryParameterTypes(Kind kind, SqlCallBinding binding,
      RelDataType[] operandTypes) {
    RelDataTypeFactory f = binding.getTypeFactory();
    for (String param : QUERY_PARAMS) {
      int i = kind.position(param);
      if (i >= 0 && i < operandTypes.length) {
        operandTypes[i] = f.createTypeWithNullability(f.createSqlType(SqlTypeName.VARCHAR), true);
      }
    }
  }

  /** The arguments that may be a JDBC parameter ({@code ?}) rather than a literal. */
  static final List<String> QUERY_PARAMS = List.of("query", "keyword_query");

  public static SqlOperatorTable operatorTable() {
    return SqlOperatorTables.of(KEYWORD_SEARCH, VECTOR_SEARCH, HYBRID_SEARCH);
  }

  public Kind kind() {
    return kind;
  }

  /** True if this call fuses rankings (hybrid_search with fusion 'rrf'). */
  static boolean fused(Kind kind, SqlOperatorBinding binding) {
    int f = kind.position("fusion");
    if (f < 0 || binding.getOperandCount() <= f || binding.isOperandNull(f, false)) {
      return false;
    }
    String v = binding.getOperandLiteralValue(f, String.class);
    return v != null && !v.equalsIgnoreCase("none");
  }

  @Override
  public SqlReturnTypeInference getRowTypeInference() {
    return this::rowType;
  }

  @Override
  public boolean argumentMustBeScalar(int ordinal) {
    return ordinal != 0;
  }

  private RelDataType rowType(SqlOperatorBinding binding) {
    RelDataType input = binding.getOperandType(0);
    RelDataTypeFactory f = binding.getTypeFactory();
    List<String> added = new ArrayList<>();
    if (kind != Kind.VECTOR) {
      added.add(KEYWORD_SCORE);
    }
    if (kind != Kind.KEYWORD) {
      added.add(VECTOR_SCORE);
    }
    boolean fused = fused(kind, binding);
    if (fused) {
      added.add(FUSION_SCORE);
    }
    for (RelDataTypeField field : input.getFieldList()) {
      for (String a : added) {
        if (field.getName().equalsIgnoreCase(a)) {
          throw new VelariaException(SqlStates.DUPLICATE_COLUMN, "the searched rows already have"
              + " a column named " + a + ", which search adds; rename or leave out that column");
        }
      }
    }
    RelDataTypeFactory.Builder b = f.builder().kind(input.getStructKind())
        .addAll(input.getFieldList());
    for (String a : added) {
      // fused results list rows that only one of the two rankings found
      boolean nullable = fused && !a.equals(FUSION_SCORE);
      b.add(a, f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), nullable));
    }
    return b.build();
  }

  /** Checks operand shapes; values are checked again when the plan is built. */
  private static final class Operands implements SqlOperandMetadata {
    private final Kind kind;

    Operands(Kind kind) {
      this.kind = kind;
    }

    @Override
    public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
      return Collections.nCopies(kind.params.size(), typeFactory.createSqlType(SqlTypeName.ANY));
    }

    @Override
    public List<String> paramNames() {
      return kind.params;
    }

    @Override
    public SqlOperandCountRange getOperandCountRange() {
      return SqlOperandCountRanges.between(kind.mandatory, kind.params.size());
    }

    @Override
    public boolean isOptional(int i) {
      return i >= kind.mandatory;
    }

    @Override
    public String getAllowedSignatures(SqlOperator op, String opName) {
      return opName + "(" + String.join(", ", kind.params) + ")";
    }

    @Override
    public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
      RelDataType input = binding.getValidator().getValidatedNodeType(binding.operand(0));
      if (input.getSqlTypeName() != SqlTypeName.ROW) {
        throw error("the first argument of " + kind.sqlName.toLowerCase(Locale.ROOT)
            + " must be a table: TABLE t or (SELECT ...)");
      }
      for (int i = 1; i < binding.getOperandCount(); i++) {
        String param = kind.params.get(i);
        SqlNode operand = binding.operand(i);
        if (param.equals("columns") || param.equals("column")) {
          checkDescriptor(operand, input, param.equals("column"));
        } else if (!(operand instanceof SqlLiteral)
            && !(operand instanceof org.apache.calcite.sql.SqlDynamicParam
                && QUERY_PARAMS.contains(param))
            && !(operand instanceof SqlCall && ((SqlCall) operand).getKind() == SqlKind.MINUS_PREFIX
                && ((SqlCall) operand).operand(0) instanceof SqlLiteral)) {
          throw error("argument " + param + " of " + kind.sqlName.toLowerCase(Locale.ROOT)
              + " must be a literal" + (QUERY_PARAMS.contains(param) ? " or ?" : ""));
        }
      }
      return true;
    }

    private void checkDescriptor(SqlNode operand, RelDataType input, boolean vector) {
      if (operand.getKind() != SqlKind.DESCRIPTOR) {
        throw error(kind.sqlName.toLowerCase(Locale.ROOT) + " expects DESCRIPTOR(column"
            + (vector ? ")" : ", ...)") + " for the searched column" + (vector ? "" : "s"));
      }
      List<SqlNode> names = ((SqlCall) operand).getOperandList();
      if (vector && names.size() != 1) {
        throw error("vector search takes exactly one VECTOR column, not " + names.size());
      }
      for (SqlNode n : names) {
        String name = ((SqlIdentifier) n).getSimple();
        RelDataTypeField field = findField(input, name);
        if (field == null) {
          throw new VelariaException(SqlStates.UNDEFINED_COLUMN,
              "column '" + name + "' not found in the searched rows" + position(n));
        }
        RelDataType t = field.getType();
        if (vector && (t.getSqlTypeName() != SqlTypeName.ARRAY
            || t.getComponentType() == null
            || t.getComponentType().getSqlTypeName() != SqlTypeName.REAL)) {
          throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "column '" + name
              + "' is " + t.getSqlTypeName() + ", not a VECTOR column" + position(n));
        }
        if (!vector && t.getSqlTypeName() != SqlTypeName.VARCHAR
            && t.getSqlTypeName() != SqlTypeName.CHAR) {
          throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "keyword search needs text"
              + " columns; column '" + name + "' is " + t.getSqlTypeName() + position(n));
        }
      }
    }

    private static RelDataTypeField findField(RelDataType row, String name) {
      for (RelDataTypeField f : row.getFieldList()) {
        if (f.getName().equalsIgnoreCase(name)) {
          return f;
        }
      }
      return null;
    }

    private static String position(SqlNode n) {
      return n.getParserPosition().getLineNum() > 0 ? " (line "
          + n.getParserPosition().getLineNum() + ", column "
          + n.getParserPosition().getColumnNum() + ")" : "";
    }

    private static VelariaException error(String message) {
      return new VelariaException(SqlStates.SYNTAX_ERROR, message);
    }
  }
}
