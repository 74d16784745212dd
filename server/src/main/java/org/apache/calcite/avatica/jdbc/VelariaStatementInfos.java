package org.apache.calcite.avatica.jdbc;

import java.sql.Statement;

/**
 * Reads the JDBC statement of a {@link StatementInfo}, whose field is package-private in
 * avatica-server 1.28. Used by the Velaria server's Meta for timeouts, cancellation and
 * accounting; lives in Avatica's package for that reason only.
 */
public final class VelariaStatementInfos {
  private VelariaStatementInfos() {}

  public static Statement statement(StatementInfo info) {
    return info == null ? null : info.statement;
  }
}
