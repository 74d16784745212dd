package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.spi.TableSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The client alone: token lifetime, retry policy and its bounds, with a recorded sleeper. */
class BitableClientTest extends BitableTestBase {
  private final List<Long> sleeps = new ArrayList<>();
  private final long[] clock = {1_000_000L};

  private BitableClient client(String... extra) {
    Map<String, String> o = new LinkedHashMap<>();
    o.put("app_token", BitableFixture.APP_TOKEN);
    o.put("table_id", BitableFixture.TABLE_ID);
    o.put("credentials", "sysprop:" + PROP);
    o.put("base_url", server.baseUrl());
    o.put("retry_base_ms", "100");
    o.put("max_wait_ms", "700");
    for (int i = 0; i < extra.length; i += 2) {
      o.put(extra[i], extra[i + 1]);
    }
    BitableOptions opts = BitableOptions.parse(new TableSpec("t", List.of(), o, Path.of(".")));
    return new BitableClient(opts, Credentials.resolve(opts.credentials()), sleeps::add,
        () -> clock[0]);
  }

  private JsonNode firstPage(BitableClient c) {
    return c.search(FakeBitableServer.JSON.createObjectNode(), null, "test");
  }

  @Test
  void theTokenIsRenewedBeforeItExpires() {
    new BitableFixture(server, 3, 1);
    BitableClient c = client();
    c.fields("test");
    c.fields("test");
    assertEquals(1, server.tokenRequests.get(), "a valid token is reused");
    clock[0] += (7200 - 301) * 1000L; // more than five minutes left
    c.fields("test");
    assertEquals(1, server.tokenRequests.get());
    clock[0] += 2000; // now within five minutes of expiry
    c.fields("test");
    assertEquals(2, server.tokenRequests.get(), "renewed ahead of expiry");
    assertEquals(0, server.tokenRejections.get(), "no call ever used an expired token");
  }

  @Test
  void aTokenRefusedRightAfterARefreshIsAnError() {
    new BitableFixture(server, 3, 1);
    BitableClient c = client();
    c.fields("test");
    server.searchFaults.add(new int[] {400, 99991677});
    server.searchFaults.add(new int[] {400, 99991663});
    VelariaException e = assertThrows(VelariaException.class, () -> firstPage(c));
    assertEquals("08004", e.sqlState());
    assertTrue(e.getMessage().contains("refused again right after a refresh"), e.getMessage());
    assertEquals(2, server.tokenRequests.get(), "refreshed once, not in a loop");
  }

  @Test
  void busyAndTimeoutAnswersAreRetriedWithBoundedBackoff() {
    new BitableFixture(server, 7, 1);
    BitableClient c = client();
    server.searchFaults.add(new int[] {200, 1254290}); // too many requests
    server.searchFaults.add(new int[] {504, 1255040}); // timeout
    server.searchFaults.add(new int[] {504, 0});
    server.searchFaults.add(new int[] {429, 99991400}); // no reset header: backoff
    JsonNode data = firstPage(c);
    assertEquals(7, data.path("items").size());
    // doubling from retry_base_ms, capped at max_wait_ms
    assertEquals(List.of(100L, 200L, 400L, 700L), sleeps);
  }

  @Test
  void retriesStopAfterMaxRetries() {
    new BitableFixture(server, 7, 1);
    BitableClient c = client("max_retries", "2");
    for (int i = 0; i < 5; i++) {
      server.searchFaults.add(new int[] {200, 1254290});
    }
    VelariaException e = assertThrows(VelariaException.class, () -> firstPage(c));
    assertEquals("HV000", e.sqlState());
    assertTrue(e.getMessage().contains("gave up after 3 attempts") && e.getMessage().contains("1254290"),
        e.getMessage());
    assertEquals(3, server.searchRequests.get());
    assertEquals(List.of(100L, 200L), sleeps);
  }

  @Test
  void theResetHeaderDecidesTheWait() {
    new BitableFixture(server, 7, 1);
    BitableClient c = client("max_wait_ms", "60000");
    server.rateLimitSearchAt = 1;
    server.rateLimitReset = "3";
    assertEquals(7, firstPage(c).path("items").size());
    assertEquals(List.of(3000L), sleeps);
  }
}
