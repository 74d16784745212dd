package io.velaria.connectors.bitable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.velaria.engine.error.VelariaException;
import org.junit.jupiter.api.Test;

class PollOffsetTest {
  @Test
  void recordsAtTheCheckpointTimeAreKeptApartById() {
    PollOffset o = PollOffset.START.after(100, "recB").after(100, "recA");
    assertEquals("bitable-v1 100 recA,recB", o.text());
    assertFalse(o.isNew(100, "recA"));
    assertTrue(o.isNew(100, "recC"));
    assertFalse(o.isNew(99, "recZ"));
    assertTrue(o.isNew(101, "recA"));
    PollOffset later = o.after(150, "recA");
    assertEquals("bitable-v1 150 recA", later.text());
    assertEquals(o, PollOffset.parse(o.text()));
    assertNull(PollOffset.START.text());
    assertEquals(PollOffset.START, PollOffset.parse(null));
    assertThrows(VelariaException.class, () -> PollOffset.parse("nonsense"));
  }
}
