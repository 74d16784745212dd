package io.velaria.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.io.ChannelEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * In front of Avatica's handler: HTTP Basic authentication against the configured users
 * (PBKDF2 hashes; a verified header is remembered by its SHA-256 so each request does not pay
 * for PBKDF2 again), refusal of new requests while shutting down, and the list of requests in
 * flight with their connections, which the server's watchdog checks for clients that went away.
 */
final class GuardHandler extends HandlerWrapper {
  private static final int MAX_REMEMBERED = 4096;

  private final Map<String, String> users;
  private final boolean basicAuth;
  private final Map<String, Boolean> verified = new ConcurrentHashMap<>();
  private final Map<Thread, EndPoint> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger inFlightCount = new AtomicInteger();
  private final AtomicLong authFailures = new AtomicLong();
  private volatile boolean shuttingDown;

  GuardHandler(Map<String, String> users, boolean basicAuth) {
    this.users = Map.copyOf(users);
    this.basicAuth = basicAuth;
  }

  @Override
  public void handle(String target, Request baseRequest, HttpServletRequest request,
      HttpServletResponse response) throws IOException, ServletException {
    if (shuttingDown) {
      baseRequest.setHandled(true);
      response.setHeader("Connection", "close");
      response.sendError(503, "server is shutting down");
      return;
    }
    if (basicAuth && !authenticated(request.getHeader("Authorization"))) {
      authFailures.incrementAndGet();
      baseRequest.setHandled(true);
      response.setHeader("WWW-Authenticate", "Basic realm=\"velaria\", charset=\"UTF-8\"");
      response.sendError(401, "authentication required");
      return;
    }
    Thread me = Thread.currentThread();
    inFlight.put(me, baseRequest.getHttpChannel().getEndPoint());
    inFlightCount.incrementAndGet();
    try {
      super.handle(target, baseRequest, request, response);
    } finally {
      inFlight.remove(me);
      inFlightCount.decrementAndGet();
    }
  }

  private boolean authenticated(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    String key = sha256(header);
    if (verified.containsKey(key)) {
      return true;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String user = decoded.substring(0, colon);
    char[] password = decoded.substring(colon + 1).toCharArray();
    try {
      String stored = users.get(user);
      if (stored == null) {
        // same work for unknown users, so timing does not tell which names exist
        PasswordHash.verify(password, DUMMY);
        return false;
      }
      if (!PasswordHash.verify(password, stored)) {
        return false;
      }
    } finally {
      PasswordHash.wipe(password);
    }
    if (verified.size() >= MAX_REMEMBERED) {
      verified.clear();
    }
    verified.put(key, Boolean.TRUE);
    return true;
  }

  private static final String DUMMY = PasswordHash.hash("x".toCharArray(), 10_000);

  private static String sha256(String s) {
    try {
      return Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  void startShutdown() {
    shuttingDown = true;
  }

  int inFlightCount() {
    return inFlightCount.get();
  }

  long authFailures() {
    return authFailures.get();
  }

  Map<Thread, EndPoint> inFlight() {
    return inFlight;
  }

  /**
   * True when the client of a request being handled has closed its connection. Only called
   * for requests whose body was read completely (a statement is running), on HTTP/1.1
   * connections whose client waits for the response (Avatica's clients do not pipeline), so
   * a read here can only see end-of-stream or nothing.
   */
  static boolean clientGone(EndPoint ep) {
    EndPoint raw = ep;
    if (raw instanceof SslConnection.DecryptedEndPoint) {
      raw = ((SslConnection.DecryptedEndPoint) raw).getSslConnection().getEndPoint();
    }
    if (!raw.isOpen()) {
      return true;
    }
    if (!(raw instanceof ChannelEndPoint)) {
      return false;
    }
    SocketChannel ch = ((ChannelEndPoint) raw).getChannel();
    if (ch == null || !ch.isOpen()) {
      return true;
    }
    if (ch.isBlocking()) {
      return false;
    }
    try {
      return ch.read(ByteBuffer.allocate(1)) < 0;
    } catch (IOException e) {
      return true; // reset by peer
    }
  }
}
