package io.velaria.connectors.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams the rows (top-level objects) of one JSON file with Jackson's streaming parser:
 * either a sequence of objects (JSON lines; any whitespace between them) or one array of
 * objects. Only the current value is in memory. Errors name the file, line and column.
 */
final class JsonRows implements AutoCloseable {
  static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxStringLength(256 << 20).maxNestingDepth(2000).build())
      .build();

  final Path file;
  final JsonParser parser;
  private final boolean array;
  private final StringWriter text = new StringWriter();
  private boolean started;
  private boolean done;
  long rowNumber;

  JsonRows(Path file, String format) {
    this.file = file;
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot open file " + file + ": " + e, e);
    }
    try {
      in.mark(1 << 12);
      int c;
      int skipped = 0;
      do {
        c = in.read();
        skipped++;
      } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xEF || c == 0xBB
          || c == 0xBF);
      in.reset();
      boolean looksArray = c == '[';
      if (format.equals("json_array")) {
        if (!looksArray && c != -1) {
          throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "file " + file
              + " does not start with '[': with format 'json_array' the file must hold one"
              + " JSON array of objects (use format 'json_lines' for one object per line)");
        }
        array = true;
      } else if (format.equals("json_lines")) {
        array = false;
        if (looksArray) {
          throw new VelariaException(SqlStates.BAD_COPY_FORMAT, "file " + file
              + " starts with '[' but format is 'json_lines' (one object per line): use"
              + " format 'json_array' for a file holding one array of objects");
        }
      } else {
        array = looksArray;
      }
      parser = FACTORY.createParser(in);
    } catch (IOException e) {
      close(in);
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    } catch (RuntimeException e) {
      close(in);
      throw e;
    }
  }

  private static void close(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing to do
    }
  }

  boolean isArray() {
    return array;
  }

  /**
   * Moves to the next row: returns true with the parser on its START_OBJECT, false at the end.
   */
  boolean next() {
    if (done) {
      return false;
    }
    try {
      JsonToken t;
      if (!started) {
        started = true;
        if (array) {
          t = parser.nextToken();
          if (t == null) {
            done = true;
            return false;
          }
          if (t != JsonToken.START_ARRAY) {
            throw structure("the file does not hold a JSON array");
          }
        }
      }
      t = parser.nextToken();
      if (t == null) {
        if (array) {
          throw structure("unexpected end of file: the top-level array is not closed");
        }
        done = true;
        return false;
      }
      if (array && t == JsonToken.END_ARRAY) {
        done = true;
        JsonToken after = parser.nextToken();
        if (after != null) {
          throw structure("unexpected " + describe(after) + " after the top-level array");
        }
        return false;
      }
      rowNumber++;
      if (t != JsonToken.START_OBJECT) {
        if (array && rowNumber == 1 && t.isScalarValue()) {
          throw structure("the top-level array holds scalars (" + describe(t)
              + "), not objects: each row must be a JSON object");
        }
        throw structure("row " + rowNumber + " is " + describe(t)
            + ", not a JSON object: each row must be a JSON object");
      }
      return true;
    } catch (JsonProcessingException e) {
      throw syntax(e);
    } catch (IOException e) {
      throw new VelariaException(SqlStates.IO_ERROR, "cannot read file " + file + ": " + e, e);
    }
  }

  /** The current value (the parser is on its first token) as text; nested values as JSON. */
  String valueText() throws IOException {
    JsonToken t = parser.currentToken();
    switch (t) {
      case VALUE_NULL:
        return null;
      case VALUE_TRUE:
        return "true";
      case VALUE_FALSE:
        return "false";
      case START_OBJECT:
      case START_ARRAY: {
        text.getBuffer().setLength(0);
        try (JsonGenerator g = FACTORY.createGenerator(text)) {
          g.copyCurrentStructure(parser);
        }
        return text.toString();
      }
      default:
        return parser.getText();
    }
  }

  static String describe(JsonToken t) {
    switch (t) {
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_STRING:
        return "a string";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      case START_ARRAY:
        return "an array";
      case START_OBJECT:
        return "an object";
      default:
        return t.asString() == null ? t.name() : "'" + t.asString() + "'";
    }
  }

  String where() {
    return where(parser.currentTokenLocation());
  }

  String where(JsonLocation l) {
    return "in file " + file + ", line " + l.getLineNr() + ", column " + l.getColumnNr();
  }

  VelariaException structure(String message) {
    return new VelariaException(SqlStates.BAD_COPY_FORMAT, message + " " + where());
  }

  VelariaException syntax(JsonProcessingException e) {
    JsonLocation l = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
    String msg = e.getOriginalMessage();
    int nl = msg == null ? -1 : msg.indexOf('\n');
    if (nl > 0) {
      msg = msg.substring(0, nl);
    }
    return new VelariaException(SqlStates.BAD_COPY_FORMAT,
        "invalid JSON " + where(l) + ": " + msg, e);
  }

  long bytesRead() {
    Object loc = parser.currentLocation();
    return ((JsonLocation) loc).getByteOffset();
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (IOException ignored) {
      // closing a read-only file
    }
  }
}
