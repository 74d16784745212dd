package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.error.VelariaException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
  private static final Map<String, String> ENV = Map.of(
      "FEISHU_APP", "cli_a1b2:sEcReT:with:colons",
      "BLANK", "  ",
      "NOCOLON", "justasecret");

  private static Credentials.App resolve(String ref) {
    return Credentials.resolve(ref, ENV::get, k -> k.equals("p") ? "cli_p:ps" : null);
  }

  @Test
  void environmentVariableHoldsIdAndSecret() {
    Credentials.App a = resolve("env:FEISHU_APP");
    assertEquals("cli_a1b2", a.appId());
    assertEquals("sEcReT:with:colons", a.appSecret(), "the secret is everything after the first colon");
    assertFalse(a.toString().contains("sEcReT"));
    assertEquals("cli_p", resolve("sysprop:p").appId());
  }

  @Test
  void problemsNameTheReferenceNotTheValue() {
    VelariaException e = assertThrows(VelariaException.class, () -> resolve("env:MISSING"));
    assertEquals("08001", e.sqlState());
    assertTrue(e.getMessage().contains("environment variable MISSING is not set"), e.getMessage());
    assertEquals("08001", assertThrows(VelariaException.class, () -> resolve("env:BLANK")).sqlState());
    e = assertThrows(VelariaException.class, () -> resolve("env:NOCOLON"));
    assertTrue(e.getMessage().contains("must hold app_id:app_secret"), e.getMessage());
    assertFalse(e.getMessage().contains("justasecret"));
    e = assertThrows(VelariaException.class, () -> resolve("cli_x:pasted-secret"));
    assertEquals("42000", e.sqlState());
    assertFalse(e.getMessage().contains("pasted-secret"));
    assertEquals("42000", assertThrows(VelariaException.class, () -> resolve(null)).sqlState());
    assertEquals("42000", assertThrows(VelariaException.class, () -> resolve("env:")).sqlState());
  }
}
