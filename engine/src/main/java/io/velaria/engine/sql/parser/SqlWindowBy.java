package io.velaria.engine.sql.parser;

import java.util.Objects;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * {@code WINDOW BY ts EVERY ms [SLIDE ms] AS alias} of a stream SELECT: tumbling when slide
 * equals every, sliding otherwise. A value, not a SqlNode: it rides on {@link VelariaSqlSelect}.
 */
public final class SqlWindowBy {
  private final SqlParserPos pos;
  private final String timeColumn;
  private final long every;
  private final long slide;
  private final String alias;

  public SqlWindowBy(SqlParserPos pos, String timeColumn, long every, long slide, String alias) {
    this.pos = Objects.requireNonNull(pos);
    this.timeColumn = Objects.requireNonNull(timeColumn);
    this.every = every;
    this.slide = slide;
    this.alias = Objects.requireNonNull(alias);
  }

  public SqlParserPos pos() { return pos; }
  public String timeColumn() { return timeColumn; }
  /** Window length in milliseconds. */
  public long every() { return every; }
  /** Step between window starts in milliseconds; equals {@link #every()} when not given. */
  public long slide() { return slide; }
  /** Name of the window-start column the query can select and group by. */
  public String alias() { return alias; }

  void unparse(SqlWriter writer) {
    writer.keyword("WINDOW BY");
    writer.identifier(timeColumn, true);
    writer.keyword("EVERY");
    writer.literal(Long.toString(every));
    if (slide != every) {
      writer.keyword("SLIDE");
      writer.literal(Long.toString(slide));
    }
    writer.keyword("AS");
    writer.identifier(alias, true);
  }

  @Override public String toString() {
    return "WINDOW BY " + timeColumn + " EVERY " + every + " SLIDE " + slide + " AS " + alias;
  }
}
