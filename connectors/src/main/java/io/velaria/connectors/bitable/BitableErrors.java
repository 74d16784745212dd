package io.velaria.connectors.bitable;

import io.velaria.engine.error.VelariaException;

/**
 * Turns Open API error codes into errors that name what was wrong. SQLStates: the HV class
 * (foreign data) for remote data errors, 08 for connection and authentication.
 */
final class BitableErrors {
  private BitableErrors() {}

  static final int RATE_LIMITED = 99991400;
  static final int TOKEN_INVALID = 99991663;
  static final int TOKEN_EXPIRED = 99991677;
  static final int TOO_MANY_REQUESTS = 1254290;
  static final int WRONG_BASE_TOKEN = 1254003;
  static final int WRONG_TABLE_ID = 1254004;
  static final int WRONG_VIEW_ID = 1254005;
  static final int INVALID_FILTER = 1254018;
  static final int INVALID_FIELD_NAMES = 1254024;
  static final int TIMEOUT = 1255040;

  /** SQLStates (PostgreSQL's foreign-data classes). */
  static final String FDW_ERROR = "HV000";
  static final String FDW_TABLE_NOT_FOUND = "HV00R";
  static final String FDW_INVALID_COLUMN_NAME = "HV007";
  static final String FDW_INVALID_OPTION = "HV00D";
  static final String CANNOT_CONNECT = "08001";
  static final String REJECTED = "08004";

  static boolean isRetryable(int code) {
    return code == RATE_LIMITED || code == TOO_MANY_REQUESTS || code == TIMEOUT;
  }

  static boolean isTokenProblem(int code) {
    return code == TOKEN_INVALID || code == TOKEN_EXPIRED;
  }

  /**
   * The error for a non-retryable code.
   *
   * @param context what was asked, e.g. "reading table 'orders' (table_id tblX)"
   * @param detail extra for filter and field errors (the filter sent, the fields asked for)
   */
  static VelariaException of(int code, String msg, BitableOptions o, String context,
      String detail) {
    String tail = " (Open API code " + code + ": " + msg + ")";
    switch (code) {
      case WRONG_BASE_TOKEN:
        return new VelariaException(FDW_TABLE_NOT_FOUND, "Bitable: wrong app_token '"
            + o.appToken() + "': no base with this token is visible to the app, " + context + tail);
      case WRONG_TABLE_ID:
        return new VelariaException(FDW_TABLE_NOT_FOUND, "Bitable: wrong table_id '"
            + o.tableId() + "' in base '" + o.appToken() + "', " + context + tail);
      case WRONG_VIEW_ID:
        return new VelariaException(FDW_INVALID_OPTION, "Bitable: wrong view_id '" + o.viewId()
            + "' in table '" + o.tableId() + "', " + context + tail);
      case INVALID_FILTER:
        return new VelariaException(FDW_ERROR, "Bitable: the service rejected the filter "
            + detail + ", " + context + tail);
      case INVALID_FIELD_NAMES:
        return new VelariaException(FDW_INVALID_COLUMN_NAME, "Bitable: invalid field names "
            + detail + " in table '" + o.tableId() + "', " + context + tail);
      default:
        return new VelariaException(FDW_ERROR, "Bitable: request failed, " + context + tail);
    }
  }
}
