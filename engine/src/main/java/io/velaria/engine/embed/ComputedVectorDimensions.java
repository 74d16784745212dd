package io.velaria.engine.embed;

import java.util.Locale;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;

/**
 * The dimension of a computed VECTOR output column, for {@code CREATE TABLE ... AS}: Calcite's
 * array type carries no dimension, but an {@code EMBED(text, 'model')} item has the model's.
 */
public final class ComputedVectorDimensions {
  private ComputedVectorDimensions() {}

  /** The dimension of output column {@code i} of a validated query, or 0 when unknown. */
  public static int of(SqlNode validatedQuery, int i) {
    SqlNode q = validatedQuery;
    if (q instanceof SqlOrderBy) {
      q = ((SqlOrderBy) q).query;
    }
    if (!(q instanceof SqlSelect)) {
      return 0;
    }
    SqlSelect select = (SqlSelect) q;
    if (select.getSelectList() == null || i >= select.getSelectList().size()) {
      return 0;
    }
    SqlNode item = select.getSelectList().get(i);
    if (item.getKind() == SqlKind.AS) {
      item = ((SqlCall) item).operand(0);
    }
    if (!(item instanceof SqlBasicCall)) {
      return 0;
    }
    SqlBasicCall call = (SqlBasicCall) item;
    if (!call.getOperator().getName().toUpperCase(Locale.ROOT).equals("EMBED")) {
      return 0;
    }
    if (call.operandCount() == 1) {
      return EmbeddingProviders.defaultProvider().dimension();
    }
    SqlNode model = call.operand(1);
    if (model instanceof SqlCharStringLiteral) {
      return EmbeddingProviders.find(((SqlCharStringLiteral) model).getValueAs(String.class))
          .dimension();
    }
    return 0;
  }
}
