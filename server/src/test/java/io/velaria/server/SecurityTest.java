package io.velaria.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** HTTP Basic authentication, TLS and config validation, over real HTTP on 127.0.0.1. */
@Timeout(120)
class SecurityTest {
  @TempDir
  Path tmp;

  private static ServerConfig withUsers(String db) {
    ServerConfig c = ServerFixture.config(db, null);
    c.users.put("alice", PasswordHash.hash("s3cret-pw".toCharArray(), 10_000));
    c.users.put("bob", PasswordHash.hash("other pw".toCharArray(), 10_000));
    return c;
  }

  static String causes(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c.getClass().getSimpleName()).append(": ").append(c.getMessage()).append(" / ");
      if (c.getCause() == c) {
        break;
      }
    }
    return sb.toString();
  }

  @Test
  void passwordHashesAreSaltedAndVerify() {
    String a = PasswordHash.hash("pw".toCharArray(), 1000);
    String b = PasswordHash.hash("pw".toCharArray(), 1000);
    assertFalse(a.equals(b), "salted");
    assertTrue(a.startsWith("pbkdf2-sha256$1000$"));
    assertTrue(PasswordHash.verify("pw".toCharArray(), a));
    assertFalse(PasswordHash.verify("pW".toCharArray(), a));
    assertFalse(PasswordHash.verify("pw".toCharArray(), "plain"));
    assertFalse(PasswordHash.verify("pw".toCharArray(), "pbkdf2-sha256$x$y$z"));
  }

  @Test
  void hashPasswordCommandMakesAUserEntry() throws Exception {
    InputStream saved = System.in;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      System.setIn(new ByteArrayInputStream("hunter22\n".getBytes(StandardCharsets.UTF_8)));
      int rc = Cli.run(new String[] {"hash-password", "--user", "carol", "--iterations", "2000"},
          new PrintStream(out, true), System.err);
      assertEquals(0, rc);
    } finally {
      System.setIn(saved);
    }
    String line = out.toString(StandardCharsets.UTF_8).trim();
    assertTrue(line.startsWith("user.carol=pbkdf2-sha256$2000$"), line);
    Path props = tmp.resolve("server.properties");
    Files.writeString(props, "port=0\n" + line + "\n");
    ServerConfig c = ServerConfig.load(props);
    assertTrue(c.basicAuth());
    assertTrue(PasswordHash.verify("hunter22".toCharArray(), c.users.get("carol")));
  }

  @Test
  void basicAuthenticationOverJdbcAndRawHttp() throws Exception {
    try (ServerFixture f = new ServerFixture(withUsers("mem:auth-test"))) {
      String base = f.url("PROTOBUF");
      // no credentials, wrong password, unknown user: refused with HTTP 401
      for (String creds : List.of("", ";authentication=BASIC;avatica_user=alice;"
          + "avatica_password=wrong", ";authentication=BASIC;avatica_user=mallory;"
          + "avatica_password=s3cret-pw")) {
        Exception e = assertThrows(Exception.class, () -> {
          try (Connection c = DriverManager.getConnection(base + creds)) {
            c.createStatement().executeQuery("SELECT 1").next();
          }
        });
        assertTrue(causes(e).contains("401"), creds + ": " + causes(e));
      }
      // the right password
      try (Connection c = DriverManager.getConnection(base
          + ";authentication=BASIC;avatica_user=alice;avatica_password=s3cret-pw");
           Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 40 + 2")) {
        assertTrue(rs.next());
        assertEquals(42, rs.getInt(1));
      }
      // raw HTTP: status codes and the challenge header
      HttpURLConnection h = (HttpURLConnection) new URL("http://127.0.0.1:"
          + f.server.port() + "/").openConnection();
      h.setRequestMethod("POST");
      h.setDoOutput(true);
      h.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
      assertEquals(401, h.getResponseCode());
      assertTrue(h.getHeaderField("WWW-Authenticate").startsWith("Basic"));
      ServerConfig json = withUsers("mem:auth-test");
      json.serialization = ServerConfig.Serialization.JSON;
      try (ServerFixture jf = new ServerFixture(json)) {
        HttpJson wrong = new HttpJson(jf.server.port(), "bob:not-it");
        wrong.post("{\"request\":\"openConnection\",\"connectionId\":\"x1\"}");
        assertEquals(401, wrong.lastStatus);
        HttpJson right = new HttpJson(jf.server.port(), "bob:other pw");
        String r = right.post("{\"request\":\"openConnection\",\"connectionId\":\"x1\"}");
        assertEquals(200, right.lastStatus, r);
        right.post("{\"request\":\"closeConnection\",\"connectionId\":\"x1\"}");
      }
      assertEquals(0, f.meta().openConnectionCount());
    }
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutUsers() {
    ServerConfig c = ServerFixture.config("mem:x", null);
    c.host = "0.0.0.0";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, c::validate);
    assertTrue(e.getMessage().contains("without authentication"), e.getMessage());
    c.auth = "none";
    c.validate(); // an explicit choice
  }

  private static void keytool(Path dir, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  @Test
  void tlsWithAGeneratedKeystore() throws Exception {
    keytool(tmp, "-genkeypair", "-alias", "velaria", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-keystore", "server.p12", "-storetype", "PKCS12", "-storepass", "changeit",
        "-keypass", "changeit");
    // the client trusts the server's own certificate: the keystore serves as its truststore
    // (the JDK trusts the certificate of a key entry); a real deployment would hand clients
    // the certificate alone (keytool -exportcert, then -importcert into a truststore)
    Files.copy(tmp.resolve("server.p12"), tmp.resolve("trust.p12"));
    Path props = tmp.resolve("tls.properties");
    Files.writeString(props, String.join("\n",
        "db=mem:tls-test",
        "tls.keystore=server.p12",
        "tls.keystore_password=changeit",
        PasswordHashEntry.entry("alice", "s3cret-pw"),
        ""));
    ServerConfig c = ServerConfig.load(props);
    try (ServerFixture f = new ServerFixture(c)) {
      assertTrue(f.server.url().startsWith("jdbc:avatica:remote:url=https://127.0.0.1:"));
      String url = f.server.url() + ";truststore=" + tmp.resolve("trust.p12")
          + ";truststore_password=changeit;authentication=BASIC;avatica_user=alice;"
          + "avatica_password=s3cret-pw";
      try (Connection conn = DriverManager.getConnection(url);
           Statement st = conn.createStatement()) {
        st.execute("CREATE TABLE t (x INT)");
        st.execute("INSERT INTO t VALUES (1), (2)");
        try (ResultSet rs = st.executeQuery("SELECT SUM(x) FROM t")) {
          assertTrue(rs.next());
          assertEquals(3, rs.getInt(1));
        }
      }
      // plain HTTP to the TLS port gets no answer a client could take for a result (the
      // Avatica client retries a connection that closes without a response, so this is
      // checked with a plain HTTP request)
      HttpURLConnection h = (HttpURLConnection) new URL("http://127.0.0.1:" + f.server.port()
          + "/").openConnection();
      h.setConnectTimeout(5000);
      h.setReadTimeout(5000);
      h.setRequestMethod("POST");
      h.setDoOutput(true);
      int status;
      try {
        h.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));
        status = h.getResponseCode();
      } catch (java.io.IOException e) {
        status = -1;
      }
      assertTrue(status == -1 || status >= 400, "status " + status);
      // TLS without trusting the certificate fails
      String untrusted = f.server.url() + ";authentication=BASIC;avatica_user=alice;"
          + "avatica_password=s3cret-pw";
      Exception e = assertThrows(Exception.class, () -> {
        try (Connection conn = DriverManager.getConnection(untrusted)) {
          conn.createStatement().executeQuery("SELECT 1").next();
        }
      });
      assertTrue(causes(e).toLowerCase().contains("certif")
          || causes(e).toLowerCase().contains("ssl")
          || causes(e).toLowerCase().contains("pkix"), causes(e));
    }
  }

  /** Config lines for users, made like `velaria hash-password` does. */
  static final class PasswordHashEntry {
    static String entry(String user, String password) {
      return "user." + user + "=" + PasswordHash.hash(password.toCharArray(), 10_000);
    }
  }
}
