package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.error.SqlStates;
import io.velaria.engine.error.VelariaException;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.util.DateTimes;
import org.apache.calcite.avatica.util.TimeUnitRange;

/** EXTRACT(unit FROM date/time/timestamp) as a BIGINT, computed without allocation. */
final class ExtractEvaluator implements Evaluator {
  private final TimeUnitRange unit;
  private final Evaluator operand;
  private final DataType type;

  ExtractEvaluator(TimeUnitRange unit, Evaluator operand, DataType type) {
    this.unit = unit;
    this.operand = operand;
    this.type = type;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    LongColumn c = (LongColumn) operand.evaluate(input);
    TypeKind kind = c.type().kind();
    long[] v = c.values();
    int n = c.size();
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long days;
      long msOfDay;
      if (kind == TypeKind.DATE) {
        days = v[i];
        msOfDay = 0;
      } else if (kind == TypeKind.TIME) {
        days = 0;
        msOfDay = v[i];
      } else {
        days = Math.floorDiv(v[i], DateTimes.MS_PER_DAY);
        msOfDay = Math.floorMod(v[i], DateTimes.MS_PER_DAY);
      }
      out[i] = field(days, msOfDay, kind == TypeKind.TIMESTAMP ? v[i] : days * DateTimes.MS_PER_DAY);
    }
    return new LongColumn(type, n, out, c.nulls());
  }

  private long field(long days, long msOfDay, long epochMs) {
    switch (unit) {
      case YEAR: return DateTimes.year(days);
      case MONTH: return DateTimes.month(days);
      case DAY: return DateTimes.dayOfMonth(days);
      case QUARTER: return (DateTimes.month(days) + 2) / 3;
      case HOUR: return msOfDay / 3_600_000L;
      case MINUTE: return msOfDay / 60_000L % 60;
      case SECOND: return msOfDay / 1000 % 60;
      case MILLISECOND: return msOfDay % 60_000L;
      case DOW: return Math.floorMod(days + 4, 7) + 1;
      case ISODOW: return Math.floorMod(days + 3, 7) + 1;
      case DOY: return days - DateTimes.daysFromCivil(DateTimes.year(days), 1, 1) + 1;
      case WEEK: return IsoWeeks.week(days);
      case ISOYEAR: return IsoWeeks.year(days);
      case EPOCH: return Math.floorDiv(epochMs, 1000);
      case DECADE: return Math.floorDiv(DateTimes.year(days), 10);
      case CENTURY: {
        int y = DateTimes.year(days);
        return y > 0 ? (y + 99) / 100 : -((-y + 99) / 100);
      }
      default:
        throw new VelariaException(SqlStates.SYNTAX_ERROR, "EXTRACT(" + unit + ") is not supported");
    }
  }
}
