package io.velaria.connectors.bitable;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a Bitable table as the fields API describes it.
 *
 * @param type the numeric field type (1 text, 2 number, ... 1005 auto number)
 * @param property type-specific settings, e.g. a number's {@code formatter}; may be missing
 */
record BitableField(String id, String name, int type, String uiType, JsonNode property,
    boolean primary) {

  static BitableField of(JsonNode f) {
    return new BitableField(f.path("field_id").asText(), f.path("field_name").asText(),
        f.path("type").asInt(), f.path("ui_type").asText(""), f.path("property"),
        f.path("is_primary").asBoolean(false));
  }
}
