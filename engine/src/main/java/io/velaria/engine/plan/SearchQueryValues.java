package io.velaria.engine.plan;

import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.exec.expr.VectorText;

/**
 * The values a JDBC parameter may give as a search query ({@code QUERY ?}): text for a
 * keyword search; for a vector search a {@code float[]}, a {@code java.sql.Array} or list of
 * numbers, or the text {@code '[x y ...]'}.
 */
final class SearchQueryValues {
  private SearchQueryValues() {}

  static String keywordQuery(Object value) {
    if (value == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "the keyword query must not be NULL (parameter of KEYWORD SEARCH ... QUERY ?)");
    }
    if (!(value instanceof String)) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "KEYWORD SEARCH ... QUERY ?"
          + " needs a string parameter, got " + value.getClass().getSimpleName());
    }
    return (String) value;
  }

  static float[] vectorQuery(Object value, String column, int dimension) {
    if (value == null) {
      throw new VelariaException(SqlStates.SYNTAX_ERROR,
          "the query vector must not be NULL (parameter of HYBRID SEARCH ... QUERY ?)");
    }
    Object v = value;
    if (v instanceof java.sql.Array) {
      try {
        v = ((java.sql.Array) v).getArray();
      } catch (java.sql.SQLException e) {
        throw new VelariaException(SqlStates.DATA_EXCEPTION,
            "cannot read the query vector parameter: " + e.getMessage(), e);
      }
    }
    float[] query;
    try {
      query = VectorText.toVector(v, 0).clone();
    } catch (ClassCastException | NullPointerException e) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "HYBRID SEARCH ... QUERY ? needs"
          + " a float[], an array of numbers or a string '[x y ...]'", e);
    }
    if (query.length == 0) {
      throw new VelariaException(SqlStates.INVALID_PARAMETER_VALUE,
          "the query vector parameter is empty");
    }
    if (dimension > 0 && dimension != query.length) {
      throw new VelariaException(SqlStates.DATATYPE_MISMATCH, "query vector has dimension "
          + query.length + " but column " + column + " is VECTOR(" + dimension + ")");
    }
    return query;
  }
}
