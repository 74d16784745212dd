package io.velaria.engine.sql.calcite;

import io.velaria.engine.catalog.Catalog;
import io.velaria.engine.catalog.CatalogEntry;
import io.velaria.engine.sql.SqlErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.core.RelFactories;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.RelDecorrelator;
import org.apache.calcite.sql2rel.RelFieldTrimmer;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * Calcite as the front end: validates a statement against the catalog, converts it to a
 * logical plan and rewrites that plan in fixed heuristic phases (no cost-based search).
 * One instance per statement, because the catalog may change between statements.
 */
public final class QueryPlanner {
  /** Shared: the type factory is thread-safe and caching types across statements helps. */
  private static final JavaTypeFactoryImpl TYPE_FACTORY =
      new JavaTypeFactoryImpl(VelariaTypeSystem.INSTANCE);

  /**
   * Leaves constant expressions to the engine's evaluators. Calcite's default executor folds
   * them (e.g. every CAST of a literal that RexSimplify meets, as in INSERT ... VALUES) by
   * generating and compiling a Java class with Janino per expression: tens of milliseconds per
   * statement, which dominated sqllogictest files of 1000s of INSERTs.
   */
  static final org.apache.calcite.rex.RexExecutor NO_CONSTANT_FOLDING =
      (rexBuilder, constExps, reducedValues) -> reducedValues.addAll(constExps);

  private static volatile SqlOperatorTable extraOperators = SqlOperatorTables.of();

  static {
    registerOperators(SearchTableFunction.operatorTable());
    // function libraries on the class path (found by ServiceLoader) add their operators once
    for (io.velaria.engine.exec.expr.FunctionProvider p
        : io.velaria.engine.exec.expr.FunctionProvider.providers()) {
      SqlOperatorTable t = p.operatorTable();
      if (t != null) {
        registerOperators(t);
      }
    }
  }

  /**
   * Case-insensitive names. Built once; {@code caseSensitive()} answers without re-parsing the
   * properties (the catalog reader asks once per statement, which showed in profiles).
   */
  private static final CalciteConnectionConfig CONNECTION_CONFIG = connectionConfig();

  private static CalciteConnectionConfig connectionConfig() {
    Properties p = new Properties();
    p.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    return new CalciteConnectionConfigImpl(p) {
      @Override
      public boolean caseSensitive() {
        return false;
      }
    };
  }

  private final CalciteCatalogReader catalogReader;
  private final SqlOperatorTable operatorTable;

  public QueryPlanner(Catalog catalog) {
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    List<CatalogEntry> all = new ArrayList<>(catalog.entries());
    all.addAll(catalog.systemEntries());
    for (String schema : catalog.schemas()) {
      root.add(schema, new CatalogSchema(schema, all));
    }
    this.catalogReader = new CalciteCatalogReader(root, List.of(Catalog.USER_SCHEMA),
        TYPE_FACTORY, CONNECTION_CONFIG);
    this.operatorTable = operators();
  }

  /** The operator table, built once per set of registered operators (not per statement). */
  private static volatile SqlOperatorTable cachedOperators;
  private static volatile SqlOperatorTable cachedFor;

  /**
   * Library operators shadowing Calcite's standard, PostgreSQL and MySQL ones. The catalog is
   * not part of the chain: its schemas define no functions, and asking the catalog reader for
   * every operator name cost about 6% of planning a sqllogictest query.
   */
  private static SqlOperatorTable operators() {
    SqlOperatorTable extra = extraOperators;
    SqlOperatorTable table = cachedOperators;
    if (table == null || cachedFor != extra) {
      table = shadowing(extra, SqlLibraryOperatorTableFactory.INSTANCE.getOperatorTable(
          SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL, SqlLibrary.MYSQL));
      cachedOperators = table;
      cachedFor = extra;
    }
    return table;
  }

  /**
   * Operators of {@code first} hide those of the same name in {@code rest}: a function library's
   * definition replaces Calcite's (one candidate, so the validator resolves the call early and
   * can type dynamic parameters from the library's signatures).
   */
  private static SqlOperatorTable shadowing(SqlOperatorTable first, SqlOperatorTable rest) {
    return new SqlOperatorTable() {
      @Override
      public void lookupOperatorOverloads(org.apache.calcite.sql.SqlIdentifier opName,
          org.apache.calcite.sql.SqlFunctionCategory category,
          org.apache.calcite.sql.SqlSyntax syntax, List<org.apache.calcite.sql.SqlOperator> list,
          org.apache.calcite.sql.validate.SqlNameMatcher nameMatcher) {
        int before = list.size();
        first.lookupOperatorOverloads(opName, category, syntax, list, nameMatcher);
        if (list.size() == before) {
          rest.lookupOperatorOverloads(opName, category, syntax, list, nameMatcher);
        }
      }

      @Override
      public List<org.apache.calcite.sql.SqlOperator> getOperatorList() {
        List<org.apache.calcite.sql.SqlOperator> all = new ArrayList<>(first.getOperatorList());
        all.addAll(rest.getOperatorList());
        return all;
      }
    };
  }

  /** Lets the functions module add its operators to every validator. */
  public static void registerOperators(SqlOperatorTable table) {
    extraOperators = SqlOperatorTables.chain(extraOperators, table);
  }

  public static JavaTypeFactoryImpl typeFactory() {
    return TYPE_FACTORY;
  }

  public SqlValidator newValidator() {
    SqlValidator.Config cfg = SqlValidator.Config.DEFAULT
        .withConformance(SqlConformanceEnum.LENIENT)
        .withIdentifierExpansion(true)
        .withDefaultNullCollation(NullCollation.LOW);
    return SqlValidatorUtil.newValidator(operatorTable, catalogReader, TYPE_FACTORY, cfg);
  }

  /** A validated statement and its validator, ready for conversion. */
  public record Validated(SqlNode node, SqlValidator validator) {
    public RelDataType rowType() {
      return validator.getValidatedNodeType(node);
    }

    public RelDataType parameterRowType() {
      return validator.getParameterRowType(node);
    }
  }

  public Validated validate(SqlNode node) {
    SqlValidator validator = newValidator();
    try {
      return new Validated(validator.validate(
          HavingNullComparisons.apply(EmptyInListRewriter.apply(PositionParameterTyper.apply(
              DateAddIntervalRewriter.apply(UnaryPlusRemover.apply(node)))))), validator);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  /** Converts a validated query to an optimized logical plan. */
  public RelRoot toRel(Validated v) {
    RexBuilder rexBuilder = new RexBuilder(TYPE_FACTORY);
    HepPlanner planner = new HepPlanner(HepProgram.builder().build());
    planner.setExecutor(NO_CONSTANT_FOLDING);
    RelOptCluster cluster = RelOptCluster.create(planner, rexBuilder);
    SqlToRelConverter.Config cfg = SqlToRelConverter.config()
        .withTrimUnusedFields(true)
        .withExpand(false)
        .withDecorrelationEnabled(true);
    SqlToRelConverter converter = new SqlToRelConverter(new ViewExpander(this),
        v.validator(), catalogReader, cluster, StandardConvertletTable.INSTANCE, cfg);
    try {
      RelRoot root = converter.convertQuery(v.node(), false, true);
      // INSERT ... VALUES of many rows: one UNION ALL input per row, nothing to optimize, and
      // the rule passes would cost seconds on thousands of rows
      RelNode rel = ConstantRows.only(root.rel) ? root.rel : optimize(root.rel, converter);
      return root.withRel(rel);
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  private RelNode optimize(RelNode rel, SqlToRelConverter converter) {
    RelBuilder relBuilder = RelFactories.LOGICAL_BUILDER.create(rel.getCluster(), catalogReader);
    // 1. [NOT] EXISTS become semi (anti) joins where they can; other subqueries become joins
    // and correlates, then correlates become joins.
    // Phases whose rules cannot match are skipped (a Hep phase costs a full walk of the plan
    // even when nothing matches): see PlanShape.
    PlanShape shape = PlanShape.of(rel);
    boolean trim = shape.worthTrimming();
    if (shape.subQueries()) {
      rel = ExistsToSemiJoin.apply(rel);
      rel = hep(rel, CoreRules.FILTER_SUB_QUERY_TO_CORRELATE,
          CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE, CoreRules.JOIN_SUB_QUERY_TO_CORRELATE);
    }
    rel = RelDecorrelator.decorrelateQuery(rel, relBuilder);
    // window functions (RexOver in projections) become Window nodes
    if (shape.windows()) {
      rel = hep(rel, CoreRules.PROJECT_TO_LOGICAL_PROJECT_AND_WINDOW);
    }
    // 2. drop unused columns so scans read only what is needed
    if (trim) {
      rel = new RelFieldTrimmer(null, relBuilder).trim(rel);
    }
    // 3. push filters down and through joins, merge projections
    rel = rel.accept(new CommonFactors(rel.getCluster().getRexBuilder()));
    // (each rule is its own Hep pass over the plan: join and set-operation rules only when the
    // plan has such nodes; the order of the passes is the same either way)
    rel = rel.accept(new OrImpliedFilters(rel.getCluster().getRexBuilder()));
    shape = PlanShape.of(rel);
    List<org.apache.calcite.plan.RelOptRule> rules = new ArrayList<>();
    if (shape.joins()) {
      rules.add(CoreRules.FILTER_INTO_JOIN);
      rules.add(CoreRules.JOIN_CONDITION_PUSH);
    }
    rules.add(CoreRules.FILTER_PROJECT_TRANSPOSE);
    rules.add(CoreRules.FILTER_AGGREGATE_TRANSPOSE);
    if (shape.setOps()) {
      rules.add(CoreRules.FILTER_SET_OP_TRANSPOSE);
    }
    rules.add(CoreRules.FILTER_MERGE);
    rules.add(CoreRules.PROJECT_MERGE);
    rules.add(CoreRules.PROJECT_REMOVE);
    if (shape.joins()) {
      rules.add(CoreRules.JOIN_PUSH_EXPRESSIONS);
    }
    rules.add(CoreRules.AGGREGATE_PROJECT_MERGE);
    if (shape.setOps()) {
      rules.add(CoreRules.UNION_MERGE);
    }
    rel = hep(rel, rules.toArray(new org.apache.calcite.plan.RelOptRule[0]));
    // DISTINCT aggregates run natively in the hash aggregation (no rewrite into grouping sets)
    // 4. order joins by estimated sizes (no cross products where a join condition exists)
    if (shape.joins()) {
      rel = joinOrder(rel);
    }
    // 5. trim again: merging projections into aggregates above can leave a scan reading every
    // column of its table (TPC-H q20's decorrelated lineitem aggregate read all 16); a single
    // input chain needs no trimming (RelToPlanConverter narrows its scan)
    if (trim) {
      rel = new RelFieldTrimmer(null, relBuilder).trim(rel);
    }
    if (shape.joins() || trim) {
      rel = hep(rel, CoreRules.FILTER_PROJECT_TRANSPOSE, CoreRules.FILTER_MERGE,
          CoreRules.PROJECT_MERGE, CoreRules.PROJECT_REMOVE);
    }
    // 6. aggregates that a join filters by their group key compute only the needed groups
    if (shape.joins()) {
      rel = SemiJoinReduction.apply(rel);
    }
    return rel;
  }

  private static RelNode joinOrder(RelNode rel) {
    HepProgramBuilder b = HepProgram.builder();
    b.addMatchOrder(org.apache.calcite.plan.hep.HepMatchOrder.BOTTOM_UP);
    b.addRuleInstance(CoreRules.JOIN_TO_MULTI_JOIN);
    // large joins first: Calcite's LoptOptimizeJoinRule takes minutes on 20+ tables
    b.addRuleInstance(GreedyJoinOrder.INSTANCE);
    b.addRuleInstance(CoreRules.MULTI_JOIN_OPTIMIZE);
    HepPlanner planner = new HepPlanner(b.build());
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  private static RelNode hep(RelNode rel, org.apache.calcite.plan.RelOptRule... rules) {
    HepProgramBuilder b = HepProgram.builder();
    for (org.apache.calcite.plan.RelOptRule r : rules) {
      b.addRuleInstance(r);
    }
    HepPlanner planner = new HepPlanner(b.build());
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /** Expands views by planning their stored SQL. */
  private static final class ViewExpander implements RelOptTable.ViewExpander {
    private final QueryPlanner planner;

    ViewExpander(QueryPlanner planner) {
      this.planner = planner;
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
        List<String> viewPath) {
      SqlNode node = io.velaria.engine.sql.SqlFrontEnd.parse(queryString);
      Validated v = planner.validate(node);
      RexBuilder rexBuilder = new RexBuilder(TYPE_FACTORY);
      HepPlanner viewPlanner = new HepPlanner(HepProgram.builder().build());
      viewPlanner.setExecutor(NO_CONSTANT_FOLDING);
      RelOptCluster cluster = RelOptCluster.create(viewPlanner, rexBuilder);
      SqlToRelConverter converter = new SqlToRelConverter(this, v.validator(),
          planner.catalogReader, cluster, StandardConvertletTable.INSTANCE,
          SqlToRelConverter.config().withTrimUnusedFields(false).withExpand(false));
      RelRoot root = converter.convertQuery(v.node(), true, false);
      return root;
    }
  }

  static String explain(RelNode rel) {
    return RelOptUtil.toString(rel);
  }
}
