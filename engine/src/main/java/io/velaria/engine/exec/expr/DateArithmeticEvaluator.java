package io.velaria.engine.exec.expr;

import io.velaria.engine.column.Batch;
import io.velaria.engine.column.Column;
import io.velaria.engine.column.LongColumn;
import io.velaria.engine.type.DataType;
import io.velaria.engine.type.TypeKind;
import io.velaria.engine.util.DateTimes;

/**
 * DATE/TIME/TIMESTAMP plus or minus an interval. Day-time intervals are milliseconds,
 * year-month intervals months (clamping the day to the month's end).
 */
final class DateArithmeticEvaluator implements Evaluator {
  private final Evaluator datetime;
  private final Evaluator interval;
  private final boolean months;
  private final boolean subtract;
  private final DataType type;

  DateArithmeticEvaluator(Evaluator datetime, Evaluator interval, boolean months,
      boolean subtract, DataType type) {
    this.datetime = datetime;
    this.interval = interval;
    this.months = months;
    this.subtract = subtract;
    this.type = type;
  }

  @Override
  public DataType type() {
    return type;
  }

  @Override
  public Column evaluate(Batch input) {
    LongColumn d = (LongColumn) datetime.evaluate(input);
    LongColumn iv = (LongColumn) interval.evaluate(input);
    int n = d.size();
    boolean[] nulls = NumericViews.orNulls(d, iv);
    long[] x = d.values();
    long[] y = iv.values();
    long[] out = new long[n];
    TypeKind kind = d.type().kind();
    for (int i = 0; i < n; i++) {
      long amount = subtract ? -y[i] : y[i];
      long v = x[i];
      if (kind == TypeKind.DATE) {
        out[i] = months ? DateTimes.addMonths(v, amount)
            : v + Math.floorDiv(amount, DateTimes.MS_PER_DAY);
      } else if (kind == TypeKind.TIME) {
        out[i] = months ? v : Math.floorMod(v + amount, DateTimes.MS_PER_DAY);
      } else {
        if (months) {
          long days = Math.floorDiv(v, DateTimes.MS_PER_DAY);
          long ms = Math.floorMod(v, DateTimes.MS_PER_DAY);
          out[i] = DateTimes.addMonths(days, amount) * DateTimes.MS_PER_DAY + ms;
        } else {
          out[i] = v + amount;
        }
      }
    }
    if (type.kind() == TypeKind.TIMESTAMP && kind == TypeKind.DATE) {
      for (int i = 0; i < n; i++) {
        out[i] *= DateTimes.MS_PER_DAY;
      }
    }
    return new LongColumn(type, n, out, nulls);
  }
}
