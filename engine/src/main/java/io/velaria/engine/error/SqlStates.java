package io.velaria.engine.error;

/** SQLState values used by the engine, grouped by class. */
public final class SqlStates {
  private SqlStates() {}

  public static final String SYNTAX_ERROR = "42000";
  public static final String SYNTAX_ERROR_PARSE = "42601";
  public static final String UNDEFINED_TABLE = "42P01";
  public static final String UNDEFINED_COLUMN = "42703";
  public static final String UNDEFINED_FUNCTION = "42883";
  public static final String DUPLICATE_TABLE = "42P07";
  public static final String DUPLICATE_COLUMN = "42701";
  public static final String DATATYPE_MISMATCH = "42804";
  public static final String INSUFFICIENT_PRIVILEGE = "42501";
  public static final String WRONG_OBJECT_TYPE = "42809";

  public static final String DATA_EXCEPTION = "22000";
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  public static final String INVALID_DATETIME = "22007";
  public static final String DIVISION_BY_ZERO = "22012";
  public static final String INVALID_TEXT_REPRESENTATION = "22P02";
  public static final String INVALID_PARAMETER_VALUE = "22023";
  public static final String BAD_COPY_FORMAT = "22P04";
  public static final String CARDINALITY_VIOLATION = "21000";
  public static final String NOT_NULL_VIOLATION = "23502";

  public static final String IO_ERROR = "58030";
  public static final String FDW_ERROR = "HV000";
  public static final String OUT_OF_MEMORY = "53200";
  public static final String QUERY_CANCELED = "57014";
  /**
   * SQL the engine parses but cannot run yet. Deliberately not 0A000: connection pools evict a
   * connection that reports 0A000.
   */
  public static final String NOT_SUPPORTED_YET = "42000";
  public static final String INTERNAL_ERROR = "XX000";
  public static final String READ_ONLY = "25006";
}
