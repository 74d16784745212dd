package io.velaria.jdbc;

import io.velaria.engine.session.DatabaseConfig;
import java.sql.Connection;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaFactory;
import org.apache.calcite.avatica.DriverVersion;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.UnregisteredDriver;

/**
 * The JDBC driver for {@code jdbc:velaria:} URLs, built on Avatica's driver framework: Avatica
 * supplies the JDBC objects, {@link VelariaMeta} runs statements in an embedded engine session.
 */
public final class VelariaDriver extends UnregisteredDriver {
  public static final String PREFIX = "jdbc:velaria:";
  public static final String VERSION = "0.1.0";

  static {
    new VelariaDriver().register();
  }

  @Override
  protected String getConnectStringPrefix() {
    return PREFIX;
  }

  @Override
  protected AvaticaFactory createFactory() {
    return new VelariaFactory();
  }

  @Override
  protected DriverVersion createDriverVersion() {
    return new DriverVersion("Velaria JDBC Driver", VERSION, "Velaria", VERSION, true, 0, 1, 0, 1);
  }

  @Override
  public Meta createMeta(AvaticaConnection connection) {
    return new VelariaMeta(connection);
  }

  /**
   * Avatica's own connect() runs the URL through its {@code key=value} parser, which rejects
   * {@code mem:NAME} and paths; the database location and settings are parsed by the engine's
   * {@link DatabaseConfig} instead, when the connection opens its session.
   */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    Properties copy = new Properties();
    if (info != null) {
      copy.putAll(info);
    }
    AvaticaConnection connection = factory.newConnection(this, factory, url, copy);
    handler.onConnectionInit(connection);
    return connection;
  }

  /** Lists the engine's settings (see {@link DatabaseConfig#SETTINGS}) with their descriptions. */
  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
    Properties given = info == null ? new Properties() : info;
    List<DriverPropertyInfo> list = new ArrayList<>();
    for (Map.Entry<String, String> e : new TreeMap<>(DatabaseConfig.SETTINGS).entrySet()) {
      DriverPropertyInfo p = new DriverPropertyInfo(e.getKey(), given.getProperty(e.getKey()));
      p.description = e.getValue();
      p.required = false;
      if (e.getKey().equals("read_only")) {
        p.choices = new String[] {"true", "false"};
      }
      list.add(p);
    }
    return list.toArray(new DriverPropertyInfo[0]);
  }
}
