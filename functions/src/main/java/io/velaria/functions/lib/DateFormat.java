package io.velaria.functions.lib;

import io.velaria.engine.exec.expr.IsoWeeks;
import io.velaria.engine.util.DateTimes;
import java.util.ArrayList;
import java.util.List;

/**
 * A date format compiled once into fields: PostgreSQL {@code TO_CHAR} patterns
 * ({@code YYYY-MM-DD HH24:MI:SS}) or MySQL {@code DATE_FORMAT} patterns ({@code %Y-%m-%d}).
 */
public final class DateFormat {
  private enum F {
    LITERAL, YYYY, YY, MM, MON_UP, MON_CAP, MONTH_UP, MONTH_CAP, DD, DDD, D, ID, HH24, HH12,
    MI, SS, MS, AMPM_UP, IW, IYYY, Q, DY_UP, DY_CAP, DAY_UP, DAY_CAP, MONTH_NUM, DAY_NUM
  }

  private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June",
      "July", "August", "September", "October", "November", "December"};
  private static final String[] DAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
      "Friday", "Saturday"};

  private final F[] fields;
  private final String[] literals;

  private DateFormat(List<F> f, List<String> l) {
    this.fields = f.toArray(new F[0]);
    this.literals = l.toArray(new String[0]);
  }

  private static final String[][] PG = {
      {"YYYY", "YYYY"}, {"IYYY", "IYYY"}, {"YY", "YY"}, {"MONTH", "MONTH_UP"},
      {"Month", "MONTH_CAP"}, {"MON", "MON_UP"}, {"Mon", "MON_CAP"}, {"MM", "MM"},
      {"DDD", "DDD"}, {"DD", "DD"}, {"DAY", "DAY_UP"}, {"Day", "DAY_CAP"}, {"DY", "DY_UP"},
      {"Dy", "DY_CAP"}, {"ID", "ID"}, {"D", "D"}, {"HH24", "HH24"}, {"HH12", "HH12"},
      {"HH", "HH12"}, {"MI", "MI"}, {"SS", "SS"}, {"MS", "MS"}, {"AM", "AMPM_UP"},
      {"PM", "AMPM_UP"}, {"IW", "IW"}, {"Q", "Q"}};

  /** Compiles a PostgreSQL-style pattern; text in double quotes is copied. */
  public static DateFormat postgres(String pattern) {
    List<F> f = new ArrayList<>();
    List<String> l = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    outer:
    while (i < pattern.length()) {
      char c = pattern.charAt(i);
      if (c == '"') {
        int end = pattern.indexOf('"', i + 1);
        lit.append(end < 0 ? pattern.substring(i + 1) : pattern.substring(i + 1, end));
        i = end < 0 ? pattern.length() : end + 1;
        continue;
      }
      for (String[] p : PG) {
        if (pattern.startsWith(p[0], i)) {
          flush(lit, f, l);
          f.add(F.valueOf(p[1]));
          l.add(null);
          i += p[0].length();
          continue outer;
        }
      }
      lit.append(c);
      i++;
    }
    flush(lit, f, l);
    return new DateFormat(f, l);
  }

  /** Compiles a MySQL DATE_FORMAT pattern. */
  public static DateFormat mysql(String pattern) {
    List<F> f = new ArrayList<>();
    List<String> l = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c != '%' || i + 1 >= pattern.length()) {
        lit.append(c);
        continue;
      }
      char k = pattern.charAt(++i);
      F field;
      switch (k) {
        case 'Y': field = F.YYYY; break;
        case 'y': field = F.YY; break;
        case 'm': field = F.MM; break;
        case 'c': field = F.MONTH_NUM; break;
        case 'd': field = F.DD; break;
        case 'e': field = F.DAY_NUM; break;
        case 'H': field = F.HH24; break;
        case 'h': case 'I': field = F.HH12; break;
        case 'i': field = F.MI; break;
        case 's': case 'S': field = F.SS; break;
        case 'f': field = F.MS; break;
        case 'p': field = F.AMPM_UP; break;
        case 'M': field = F.MONTH_CAP; break;
        case 'b': field = F.MON_CAP; break;
        case 'W': field = F.DAY_CAP; break;
        case 'a': field = F.DY_CAP; break;
        case 'j': field = F.DDD; break;
        case 'w': field = F.D; break;
        default: lit.append(k); continue;
      }
      flush(lit, f, l);
      f.add(field);
      l.add(null);
    }
    flush(lit, f, l);
    return new DateFormat(f, l);
  }

  private static void flush(StringBuilder lit, List<F> f, List<String> l) {
    if (lit.length() > 0) {
      f.add(F.LITERAL);
      l.add(lit.toString());
      lit.setLength(0);
    }
  }

  public String format(long ms) {
    long d = Math.floorDiv(ms, DateTimes.MS_PER_DAY);
    long tod = Math.floorMod(ms, DateTimes.MS_PER_DAY);
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < fields.length; i++) {
      switch (fields[i]) {
        case LITERAL: sb.append(literals[i]); break;
        case YYYY: pad(sb, DateTimes.year(d), 4); break;
        case IYYY: pad(sb, IsoWeeks.year(d), 4); break;
        case YY: pad(sb, Math.floorMod(DateTimes.year(d), 100), 2); break;
        case MM: pad(sb, DateTimes.month(d), 2); break;
        case MONTH_NUM: sb.append(DateTimes.month(d)); break;
        case MON_UP: sb.append(MONTHS[DateTimes.month(d) - 1].substring(0, 3).toUpperCase()); break;
        case MON_CAP: sb.append(MONTHS[DateTimes.month(d) - 1], 0, 3); break;
        case MONTH_UP: sb.append(MONTHS[DateTimes.month(d) - 1].toUpperCase()); break;
        case MONTH_CAP: sb.append(MONTHS[DateTimes.month(d) - 1]); break;
        case DD: pad(sb, DateTimes.dayOfMonth(d), 2); break;
        case DAY_NUM: sb.append(DateTimes.dayOfMonth(d)); break;
        case DDD: pad(sb, (int) (d - DateTimes.daysFromCivil(DateTimes.year(d), 1, 1) + 1), 3);
          break;
        case D: sb.append(Math.floorMod(d + 4, 7) + 1); break;
        case ID: sb.append(IsoWeeks.dayOfWeek(d)); break;
        case DY_UP: sb.append(DAYS[(int) Math.floorMod(d + 4, 7)].substring(0, 3).toUpperCase());
          break;
        case DY_CAP: sb.append(DAYS[(int) Math.floorMod(d + 4, 7)], 0, 3); break;
        case DAY_UP: sb.append(DAYS[(int) Math.floorMod(d + 4, 7)].toUpperCase()); break;
        case DAY_CAP: sb.append(DAYS[(int) Math.floorMod(d + 4, 7)]); break;
        case HH24: pad(sb, (int) (tod / 3_600_000L), 2); break;
        case HH12: {
          int h = (int) (tod / 3_600_000L) % 12;
          pad(sb, h == 0 ? 12 : h, 2);
          break;
        }
        case MI: pad(sb, (int) (tod / 60_000L % 60), 2); break;
        case SS: pad(sb, (int) (tod / 1000 % 60), 2); break;
        case MS: pad(sb, (int) (tod % 1000), 3); break;
        case AMPM_UP: sb.append(tod < 43_200_000L ? "AM" : "PM"); break;
        case IW: pad(sb, IsoWeeks.week(d), 2); break;
        case Q: sb.append((DateTimes.month(d) + 2) / 3); break;
        default: break;
      }
    }
    return sb.toString();
  }

  private static void pad(StringBuilder sb, long v, int width) {
    if (v < 0) {
      sb.append('-');
      v = -v;
    }
    String s = Long.toString(v);
    for (int i = s.length(); i < width; i++) {
      sb.append('0');
    }
    sb.append(s);
  }
}
