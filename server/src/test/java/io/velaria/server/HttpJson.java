package io.velaria.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Plain HTTP POSTs of Avatica JSON requests, for tests that bypass the JDBC client. */
final class HttpJson {
  private final int port;
  private final String basic;
  int lastStatus;

  HttpJson(int port, String userColonPassword) {
    this.port = port;
    this.basic = userColonPassword == null ? null : "Basic " + Base64.getEncoder()
        .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
  }

  String post(String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/")
        .openConnection();
    c.setConnectTimeout(5000);
    c.setReadTimeout(30000);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", "application/json");
    if (basic != null) {
      c.setRequestProperty("Authorization", basic);
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    lastStatus = c.getResponseCode();
    InputStream in = lastStatus >= 400 ? c.getErrorStream() : c.getInputStream();
    if (in == null) {
      return "";
    }
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
