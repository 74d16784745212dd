package io.velaria.engine.embed;

import io.velaria.engine.column.Column;
import io.velaria.engine.exec.expr.ValueText;
import java.util.List;

/**
 * The text an embedding index embeds for one row: the listed columns joined with their names,
 * {@code "title: Payment timeout; body: The payment page ..."}. NULL values are left out; a
 * row whose listed columns are all NULL gives the empty text (the zero vector). The version
 * string is recorded with the embeddings, so a changed template means a rebuild.
 */
public final class MixedTextTemplate {
  public static final String VERSION = "mixed-text-v1";

  private MixedTextTemplate() {}

  public static String render(List<String> names, Column[] columns, int row) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < columns.length; i++) {
      Column c = columns[i];
      if (c.isNull(row)) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      Object v = c.getObject(row);
      sb.append(names.get(i)).append(": ")
          .append(v instanceof String ? (String) v : ValueText.format(v, c.type()));
    }
    return sb.toString();
  }
}
