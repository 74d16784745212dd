package io.velaria.engine.stream;

import io.velaria.engine.sql.SqlFrontEnd;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;
import org.apache.calcite.util.Litmus;

/**
 * Splits a grouped SELECT into what a micro-batch computes (group keys and partial aggregates,
 * stage 1) and what is computed over the merged state (the select list and HAVING, stage 2):
 * group expressions become state columns {@code __k<i>}, each aggregate becomes an expression
 * over partial columns {@code __p<j>} (AVG = SUM / COUNT).
 */
final class AggregateSplitter extends SqlShuttle {
  static final Set<String> SUPPORTED = Set.of("COUNT", "SUM", "MIN", "MAX", "AVG", "$SUM0");

  private final List<SqlNode> groups = new ArrayList<>();
  private final List<SqlCall> aggregates = new ArrayList<>();
  private final List<SqlNode> replacements = new ArrayList<>();
  private final List<String> partials = new ArrayList<>();
  private final List<KeyedState.Merge> merges = new ArrayList<>();
  /** Select aliases, for HAVING; null while rewriting the select list. */
  private Map<String, SqlNode> aliases;

  AggregateSplitter(SqlNodeList groupBy) {
    if (groupBy != null) {
      for (SqlNode g : groupBy) {
        groups.add(g);
      }
    }
  }

  List<SqlNode> groups() {
    return groups;
  }

  List<SqlCall> aggregates() {
    return aggregates;
  }

  /** Stage 1 expressions, one per partial column. */
  List<String> partials() {
    return partials;
  }

  List<KeyedState.Merge> merges() {
    return merges;
  }

  SqlNode rewriteItem(SqlNode item) {
    if (item.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) item;
      return SqlStdOperatorTable.AS.createCall(as.getParserPosition(),
          as.operand(0).accept(this), as.operand(1));
    }
    return item.accept(this);
  }

  /** HAVING may name select aliases (HAVING avg_v > 7): they stand for their expression. */
  SqlNode rewriteHaving(SqlNode having, SqlNodeList selectList) {
    aliases = new HashMap<>();
    for (SqlNode item : selectList) {
      if (item.getKind() == SqlKind.AS) {
        SqlCall as = (SqlCall) item;
        aliases.put(((SqlIdentifier) as.operand(1)).getSimple().toLowerCase(Locale.ROOT),
            as.operand(0));
      }
    }
    return having.accept(this);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    int g = groupIndex(call);
    if (g >= 0) {
      return key(g);
    }
    String name = call.getOperator().getName().toUpperCase(Locale.ROOT);
    if (SUPPORTED.contains(name) && (call.getOperator().isAggregator() || isFunctionCall(call))) {
      return aggregate(call, name);
    }
    return super.visit(call);
  }

  private static boolean isFunctionCall(SqlCall call) {
    return call.getOperator() instanceof org.apache.calcite.sql.SqlFunction;
  }

  @Override
  public SqlNode visit(SqlIdentifier id) {
    int g = groupIndex(id);
    if (g >= 0) {
      return key(g);
    }
    if (aliases != null && id.isSimple()) {
      SqlNode aliased = aliases.get(id.getSimple().toLowerCase(Locale.ROOT));
      if (aliased != null && groupIndex(id) < 0) {
        SqlShuttle self = this;
        Map<String, SqlNode> saved = aliases;
        aliases = null; // an alias's expression is in terms of the source, not of aliases
        try {
          return aliased.accept(self);
        } finally {
          aliases = saved;
        }
      }
    }
    return id;
  }

  private SqlNode aggregate(SqlCall call, String name) {
    for (int i = 0; i < aggregates.size(); i++) {
      if (aggregates.get(i).equalsDeep(call, Litmus.IGNORE)) {
        return replacements.get(i).clone(replacements.get(i).getParserPosition());
      }
    }
    int p = partials.size();
    String callText = StreamQuery.unparse(call);
    String replacement;
    switch (name) {
      case "COUNT":
      case "SUM":
      case "$SUM0":
        partials.add(callText);
        merges.add(KeyedState.Merge.ADD);
        replacement = col(p);
        break;
      case "MIN":
        partials.add(callText);
        merges.add(KeyedState.Merge.MIN);
        replacement = col(p);
        break;
      case "MAX":
        partials.add(callText);
        merges.add(KeyedState.Merge.MAX);
        replacement = col(p);
        break;
      case "AVG": {
        String arg = StreamQuery.unparse(call.operand(0));
        partials.add("SUM(" + arg + ")");
        partials.add("COUNT(" + arg + ")");
        merges.add(KeyedState.Merge.ADD);
        merges.add(KeyedState.Merge.ADD);
        replacement = "CASE WHEN " + col(p + 1) + " = 0 THEN NULL ELSE CAST(" + col(p)
            + " AS DOUBLE) / " + col(p + 1) + " END";
        break;
      }
      default:
        throw new IllegalStateException(name);
    }
    SqlNode node = ((SqlSelect) SqlFrontEnd.parse("SELECT " + replacement)).getSelectList()
        .get(0);
    aggregates.add(call);
    replacements.add(node);
    return node;
  }

  private static String col(int p) {
    return StreamQuery.quote("__p" + p);
  }

  private static SqlIdentifier key(int g) {
    return new SqlIdentifier("__k" + g, org.apache.calcite.sql.parser.SqlParserPos.ZERO);
  }

  private int groupIndex(SqlNode node) {
    for (int i = 0; i < groups.size(); i++) {
      SqlNode g = groups.get(i);
      if (g.equalsDeep(node, Litmus.IGNORE)) {
        return i;
      }
      if (g instanceof SqlIdentifier && node instanceof SqlIdentifier) {
        List<String> a = ((SqlIdentifier) g).names;
        List<String> b = ((SqlIdentifier) node).names;
        if (a.get(a.size() - 1).equalsIgnoreCase(b.get(b.size() - 1))
            && !((SqlIdentifier) node).isStar()) {
          return i;
        }
      }
    }
    return -1;
  }
}
