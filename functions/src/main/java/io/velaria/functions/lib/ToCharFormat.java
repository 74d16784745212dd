package io.velaria.functions.lib;

import io.velaria.engine.type.TypeKind;
import io.velaria.functions.Binding;
import io.velaria.functions.Kernel;

/**
 * The format argument of TO_CHAR, compiled once per constant: as a date pattern and, when it
 * looks like one (a 9 or 0 and no date fields), as a number pattern. Numbers with a date
 * pattern are epoch milliseconds (SPEC 2.5: date functions take epoch ms).
 */
public final class ToCharFormat {
  private final String text;
  private final boolean numeric;
  private DateFormat date;
  private NumberPattern number;

  public ToCharFormat(String text) {
    this.text = text;
    this.numeric = NumberPattern.looksNumeric(text);
  }

  private DateFormat date() {
    if (date == null) {
      date = DateFormat.postgres(text);
    }
    return date;
  }

  private NumberPattern number() {
    if (number == null) {
      number = NumberPattern.compile(text);
    }
    return number;
  }

  /** The kernel for the call's first argument type. */
  public static Kernel kernel(Binding b) {
    TypeKind k = b.argType(0).kind();
    if (k == TypeKind.DOUBLE || k == TypeKind.REAL) {
      return Kernel.row((in, r, out) -> out.setString(r,
          in.<ToCharFormat>prepared(1, r).number().format(in.f64(0, r))));
    }
    if (k == TypeKind.DECIMAL) {
      int scale = b.argType(0).scale();
      return Kernel.row((in, r, out) -> out.setString(r,
          in.<ToCharFormat>prepared(1, r).number().format(in.i64(0, r), scale)));
    }
    if (k.isIntegral()) {
      return Kernel.row((in, r, out) -> {
        ToCharFormat f = in.prepared(1, r);
        long v = in.i64(0, r);
        out.setString(r, f.numeric ? f.number().format(v, 0) : f.date().format(v));
      });
    }
    return Kernel.row((in, r, out) -> out.setString(r,
        in.<ToCharFormat>prepared(1, r).date().format(in.i64(0, r))));
  }
}
