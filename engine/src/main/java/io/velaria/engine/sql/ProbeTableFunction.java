package io.velaria.engine.sql;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.session.Database;
import io.velaria.engine.spi.FormatProber;
import io.velaria.engine.spi.TableSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * The table function {@code probe('/path')} ({@code SELECT * FROM TABLE(probe('/data/x'))}):
 * one row per format the probers considered, the chosen one first, with columns place (1 = chosen), format,
 * score, confidence, options, columns (the inferred schema, chosen row only), reason and
 * warnings. The call is expanded before validation into a VALUES table holding the probe's
 * result, so the path must be a string literal; it goes through {@link Database#tableSpec}
 * like any file table (working directory, data roots).
 */
final class ProbeTableFunction extends SqlShuttle {
  static final String COLUMNS =
      "place, format, score, confidence, options, columns, reason, warnings";

  private final Database database;

  private ProbeTableFunction(Database database) {
    this.database = database;
  }

  static SqlNode expand(SqlNode node, Database database) {
    if (node == null || !hasTableCall(node)) {
      return node;
    }
    return node.accept(new ProbeTableFunction(database));
  }

  /**
   * Whether the statement has a {@code TABLE(...)} call at all: a tree walk, much cheaper than
   * unparsing every statement to look for the word (that cost ~2% of a sqllogictest query).
   */
  private static boolean hasTableCall(SqlNode node) {
    boolean[] found = {false};
    try {
      node.accept(new org.apache.calcite.sql.util.SqlBasicVisitor<Void>() {
      @Override
      public Void visit(SqlCall call) {
        if (call.getKind() == SqlKind.COLLECTION_TABLE) {
          found[0] = true;
          return null;
        }
        return found[0] ? null : super.visit(call);
      }

      @Override
      public Void visit(org.apache.calcite.sql.SqlNodeList list) {
        for (SqlNode n : list) {
          if (n != null && !found[0]) {
            n.accept(this);
          }
        }
        return null;
      }
    });
    } catch (RuntimeException e) {
      // a node kind the generic walk does not know: fall back to the textual check
      return node.toString().toUpperCase(Locale.ROOT).contains("PROBE");
    }
    return found[0];
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getKind() == SqlKind.COLLECTION_TABLE && call.operandCount() == 1
        && call.operand(0) instanceof SqlBasicCall) {
      SqlBasicCall f = call.operand(0);
      if (f.getOperator().getName().equalsIgnoreCase("PROBE")) {
        return table(f);
      }
    }
    return super.visit(call);
  }

  private SqlNode table(SqlBasicCall f) {
    if (f.operandCount() != 1 || !(f.operand(0) instanceof SqlCharStringLiteral)) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR, "probe(path) takes one string literal,"
          + " the file, directory or glob to probe (" + f.getParserPosition() + ")");
    }
    String path = ((SqlCharStringLiteral) f.operand(0)).getValueAs(String.class);
    TableSpec spec = database.tableSpec("probe", List.of(), Map.of("path", path));
    List<FormatProber.Candidate> rows = List.of();
    for (FormatProber p : ServiceLoader.load(FormatProber.class,
        ProbeTableFunction.class.getClassLoader())) {
      rows = p.candidates(spec);
      if (!rows.isEmpty()) {
        break;
      }
    }
    if (rows.isEmpty()) {
      throw new VelariaException(SqlStates.IO_ERROR,
          "probe(): no format prober is installed (the connectors module is missing)");
    }
    StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES ");
    int rank = 1;
    for (FormatProber.Candidate c : rows) {
      sql.append(rank > 1 ? ", " : "").append('(').append(rank++).append(", ")
          .append(text(c.format())).append(", ").append(c.score()).append(", ")
          .append(text(c.confidence())).append(", ").append(text(c.options())).append(", ")
          .append(text(c.columns())).append(", ").append(text(c.reason())).append(", ")
          .append(text(c.warnings())).append(')');
    }
    sql.append(") AS probe(").append(COLUMNS).append(')');
    SqlNode parsed = SqlFrontEnd.parse(sql.toString());
    return (SqlSelect) parsed;
  }

  private static String text(String s) {
    return s == null ? "CAST(NULL AS VARCHAR)" : "CAST('" + s.replace("'", "''")
        + "' AS VARCHAR)";
  }
}
