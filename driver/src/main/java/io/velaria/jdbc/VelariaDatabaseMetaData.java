package io.velaria.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaDatabaseMetaData;

/**
 * DatabaseMetaData: catalog rows come from {@link VelariaMeta}; these overrides fix the
 * answers Avatica hard-codes for a remote, read-only, transaction-less server.
 */
final class VelariaDatabaseMetaData extends AvaticaDatabaseMetaData {
  private final AvaticaConnection connection;

  VelariaDatabaseMetaData(AvaticaConnection connection) {
    super(connection);
    this.connection = connection;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return connection.isReadOnly();
  }

  @Override
  public boolean supportsTransactions() {
    return true; // every statement is atomic and auto-committed
  }

  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_NONE || level == Connection.TRANSACTION_READ_COMMITTED;
  }

  @Override
  public boolean usesLocalFiles() {
    return true;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public int getDatabaseMajorVersion() {
    return 0;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return 1;
  }
}
