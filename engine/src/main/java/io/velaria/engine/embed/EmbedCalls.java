package io.velaria.engine.embed;

import io.velaria.engine.spi.EmbeddingProvider;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * Finds {@code EMBED(text, 'model')} output columns of a query, for {@code CREATE TABLE ... AS}:
 * Calcite's array type carries no vector dimension, and the new table records the model of
 * such a column (see {@link EmbeddingColumn}) so text queries can use it.
 */
public final class EmbedCalls {
  private EmbedCalls() {}

  /** The model of output column {@code i} of a validated query if it is an EMBED call. */
  public static EmbeddingProvider modelOf(SqlNode validatedQuery, int i) {
    SqlNode q = validatedQuery;
    if (q instanceof SqlOrderBy) {
      q = ((SqlOrderBy) q).query;
    }
    if (!(q instanceof SqlSelect)) {
      return null;
    }
    SqlSelect select = (SqlSelect) q;
    if (select.getSelectList() == null || i >= select.getSelectList().size()) {
      return null;
    }
    SqlNode item = select.getSelectList().get(i);
    if (item.getKind() == SqlKind.AS) {
      item = ((SqlCall) item).operand(0);
    }
    if (!(item instanceof SqlBasicCall)) {
      return null;
    }
    SqlBasicCall call = (SqlBasicCall) item;
    if (!call.getOperator().getName().toUpperCase(Locale.ROOT).equals("EMBED")) {
      return null;
    }
    if (call.operandCount() == 1) {
      return EmbeddingProviders.defaultProvider();
    }
    SqlNode model = call.operand(1);
    if (model instanceof SqlCharStringLiteral) {
      return EmbeddingProviders.find(((SqlCharStringLiteral) model).getValueAs(String.class));
    }
    return null;
  }
}
