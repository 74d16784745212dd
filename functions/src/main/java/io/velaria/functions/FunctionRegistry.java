package io.velaria.functions;

import static io.velaria.functions.Arg.BIGINT;
import static io.velaria.functions.Arg.BOOLEAN;
import static io.velaria.functions.Arg.DATE;
import static io.velaria.functions.Arg.DATETIME;
import static io.velaria.functions.Arg.DOUBLE;
import static io.velaria.functions.Arg.NUMERIC;
import static io.velaria.functions.Arg.TEXT;
import static io.velaria.functions.Arg.TIMESTAMP;
import static io.velaria.functions.Arg.VARCHAR;
import static io.velaria.functions.Arg.VECTOR;

import io.velaria.engine.type.DataType;
import io.velaria.functions.lib.DateFormat;
import io.velaria.functions.lib.Dates;
import io.velaria.functions.lib.Json;
import io.velaria.functions.lib.Maths;
import io.velaria.functions.lib.NumericKernels;
import io.velaria.functions.lib.Regex;
import io.velaria.functions.lib.Strings;
import io.velaria.functions.lib.ToCharFormat;
import io.velaria.functions.lib.VectorFunctions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Every scalar function of Velaria, one registration each. To add a function: write its per-row
 * body (a lambda or a static method in {@code lib}) and add one {@code add(...)} line here.
 */
public final class FunctionRegistry {
  private static final List<Fn> ALL = new ArrayList<>();
  private static final Map<String, Fn> BY_NAME = new LinkedHashMap<>();
  private static volatile SqlOperatorTable table;

  static {
    strings();
    numbers();
    vectors();
    dates();
    engineBuiltins();
    add(EmbedFunction.definition());
  }

  private FunctionRegistry() {}

  private static void strings() {
    add(Fn.string("UPPER").alias("UCASE").sig(VARCHAR, VARCHAR).doc("Upper case")
        .strings(Strings::upper));
    add(Fn.string("LOWER").alias("LCASE").sig(VARCHAR, VARCHAR).doc("Lower case")
        .strings(Strings::lower));
    add(Fn.string("INITCAP").sig(VARCHAR, VARCHAR)
        .doc("First letter of each word upper case, the rest lower case").strings(Strings::initcap));
    add(Fn.string("REVERSE").sig(VARCHAR, VARCHAR).doc("Characters in reverse order")
        .strings(Strings::reverse));
    add(Fn.string("LENGTH").alias("LEN", "CHAR_LENGTH", "CHARACTER_LENGTH").sig(BIGINT, VARCHAR)
        .doc("Number of characters (code points, not bytes)")
        .stringToLong(Strings::length, null));
    add(Fn.string("TRIM").parsedByCalcite().sig(VARCHAR, VARCHAR, VARCHAR, VARCHAR)
        .doc("TRIM([BOTH|LEADING|TRAILING] [chars] FROM s): removes the characters (default"
            + " space) from the ends")
        .row((in, r, out) -> out.setString(r, Strings.trim(in.str(0, r), in.str(1, r),
            in.str(2, r)))));
    add(Fn.string("LTRIM").sig(VARCHAR, VARCHAR).sig(VARCHAR, VARCHAR, VARCHAR)
        .doc("Removes leading spaces (or the given characters)")
        .row((in, r, out) -> out.setString(r, Strings.trim("LEADING",
            in.count() > 1 ? in.str(1, r) : " ", in.str(0, r)))));
    add(Fn.string("RTRIM").sig(VARCHAR, VARCHAR).sig(VARCHAR, VARCHAR, VARCHAR)
        .doc("Removes trailing spaces (or the given characters)")
        .row((in, r, out) -> out.setString(r, Strings.trim("TRAILING",
            in.count() > 1 ? in.str(1, r) : " ", in.str(0, r)))));
    add(Fn.string("CONCAT").varargs(VARCHAR, TEXT)
        .doc("Concatenation of the arguments' text; NULL if any argument is NULL")
        .row(FunctionRegistry::concat));
    add(Fn.string("||").parsedByCalcite().varargs(VARCHAR, TEXT).row(FunctionRegistry::concat));
    add(Fn.string("CONCAT_WS").varargs(VARCHAR, TEXT, TEXT)
        .doc("CONCAT_WS(sep, a, ...): the arguments joined by sep; NULL if any argument is NULL")
        .row(FunctionRegistry::concatWs));
    add(Fn.string("LEFT").sig(VARCHAR, VARCHAR, BIGINT)
        .doc("First n characters (negative n: all but the last |n|)")
        .row((in, r, out) -> out.setString(r, Strings.left(in.str(0, r), in.i64(1, r)))));
    add(Fn.string("RIGHT").sig(VARCHAR, VARCHAR, BIGINT)
        .doc("Last n characters (negative n: all but the first |n|)")
        .row((in, r, out) -> out.setString(r, Strings.right(in.str(0, r), in.i64(1, r)))));
    add(Fn.string("SUBSTR").alias("SUBSTRING").sig(VARCHAR, VARCHAR, BIGINT)
        .sig(VARCHAR, VARCHAR, BIGINT, BIGINT)
        .doc("SUBSTR(s, start[, length]), 1-based; also SUBSTRING(s FROM start FOR length)")
        .bind(FunctionRegistry::substr));
    add(Fn.string("POSITION").parsedByCalcite().sig(BIGINT, VARCHAR, VARCHAR)
        .sig(BIGINT, VARCHAR, VARCHAR, BIGINT)
        .doc("POSITION(sub IN s [FROM start]) or POSITION(sub, s): 1-based character position,"
            + " 0 when absent")
        .row((in, r, out) -> out.setLong(r, Strings.position(in.str(0, r), in.str(1, r),
            in.count() > 2 ? in.i64(2, r) : 1))));
    add(Fn.string("STRPOS").alias("INSTR").sig(BIGINT, VARCHAR, VARCHAR)
        .doc("STRPOS(s, sub): POSITION(sub IN s)")
        .row((in, r, out) -> out.setLong(r, Strings.position(in.str(1, r), in.str(0, r), 1))));
    add(Fn.string("REPLACE").sig(VARCHAR, VARCHAR, VARCHAR, VARCHAR)
        .doc("REPLACE(s, from, to): every occurrence of from replaced by to")
        .row((in, r, out) -> out.setString(r, Strings.replace(in.str(0, r), in.str(1, r),
            in.str(2, r)))));
    add(Fn.string("LPAD").sig(VARCHAR, VARCHAR, BIGINT).sig(VARCHAR, VARCHAR, BIGINT, VARCHAR)
        .doc("LPAD(s, n[, fill]): s left-padded with fill (default space) or cut to n characters")
        .row((in, r, out) -> out.setString(r, Strings.pad(in.str(0, r), in.i64(1, r),
            in.count() > 2 ? in.str(2, r) : " ", true))));
    add(Fn.string("RPAD").sig(VARCHAR, VARCHAR, BIGINT).sig(VARCHAR, VARCHAR, BIGINT, VARCHAR)
        .doc("RPAD(s, n[, fill]): s right-padded with fill (default space) or cut to n characters")
        .row((in, r, out) -> out.setString(r, Strings.pad(in.str(0, r), in.i64(1, r),
            in.count() > 2 ? in.str(2, r) : " ", false))));
    add(Fn.string("SPLIT_PART").sig(VARCHAR, VARCHAR, VARCHAR, BIGINT)
        .doc("SPLIT_PART(s, delimiter, n): n-th field (1-based, negative from the end), '' if none")
        .row((in, r, out) -> out.setString(r, Strings.splitPart(in.str(0, r), in.str(1, r),
            in.i64(2, r)))));
    add(Fn.string("REPEAT").sig(VARCHAR, VARCHAR, BIGINT).doc("REPEAT(s, n): s repeated n times")
        .row((in, r, out) -> out.setString(r, Strings.repeat(in.str(0, r), in.i64(1, r)))));
    add(Fn.string("STARTS_WITH").sig(BOOLEAN, VARCHAR, VARCHAR).doc("s starts with prefix")
        .row((in, r, out) -> out.setBoolean(r, in.str(0, r).startsWith(in.str(1, r)))));
    add(Fn.string("ENDS_WITH").sig(BOOLEAN, VARCHAR, VARCHAR).doc("s ends with suffix")
        .row((in, r, out) -> out.setBoolean(r, in.str(0, r).endsWith(in.str(1, r)))));
    add(Fn.string("REGEXP_LIKE").sig(BOOLEAN, VARCHAR, VARCHAR).prepare(1, Regex::compile)
        .doc("REGEXP_LIKE(s, pattern): the pattern matches somewhere in s (Java regex syntax)")
        .bind(FunctionRegistry::regexpLike));
    add(Fn.string("REGEXP_REPLACE").sig(VARCHAR, VARCHAR, VARCHAR, VARCHAR)
        .prepare(1, Regex::compile).prepare(2, Regex::replacement)
        .doc("REGEXP_REPLACE(s, pattern, replacement): every match replaced; $1 or \\1 for groups")
        .row((in, r, out) -> out.setString(r, Regex.replace(in.str(0, r), in.prepared(1, r),
            in.prepared(2, r)))));
    add(Fn.string("REGEXP_EXTRACT").sig(VARCHAR, VARCHAR, VARCHAR)
        .sig(VARCHAR, VARCHAR, VARCHAR, BIGINT).prepare(1, Regex::compile).nullableResult()
        .doc("REGEXP_EXTRACT(s, pattern[, group]): first match (group 1 if the pattern has"
            + " groups, else the whole match), NULL if none")
        .row((in, r, out) -> out.setString(r, Regex.extract(in.str(0, r), in.prepared(1, r),
            in.count() > 2 ? in.i64(2, r) : -1))));
    add(Fn.string("JSON_VALUE").parsedByCalcite().varargs(VARCHAR, VARCHAR, TEXT)
        .prepare(1, Json::path).nullableResult()
        .doc("JSON_VALUE(json, path): the scalar at an SQL/JSON path ($.a.b[0]) as text; NULL"
            + " when missing, not a scalar, or the text is not JSON")
        .row((in, r, out) -> out.setString(r, Json.value(in.str(0, r), in.prepared(1, r)))));
  }

  private static void numbers() {
    add(Fn.numeric("ABS").sig(NUMERIC, NUMERIC).doc("Absolute value")
        .bind(NumericKernels::abs));
    add(Fn.numeric("CEIL").alias("CEILING").parsedByCalcite().sig(NUMERIC, NUMERIC)
        .sig(TIMESTAMP, DATETIME, VARCHAR)
        .doc("Smallest integer not below x; CEIL(ts TO unit) rounds a date up")
        .bind(NumericKernels::ceilFloor));
    add(Fn.numeric("FLOOR").parsedByCalcite().sig(NUMERIC, NUMERIC)
        .sig(TIMESTAMP, DATETIME, VARCHAR)
        .doc("Largest integer not above x; FLOOR(ts TO unit) truncates a date")
        .bind(NumericKernels::ceilFloor));
    add(Fn.numeric("ROUND").sig(NUMERIC, NUMERIC).sig(NUMERIC, NUMERIC, BIGINT)
        .doc("ROUND(x[, d]): rounded half away from zero to d decimal places (d may be"
            + " negative)")
        .bind(b -> NumericKernels.round(b, false)));
    add(Fn.numeric("TRUNC").alias("TRUNCATE").sig(NUMERIC, NUMERIC).sig(NUMERIC, NUMERIC, BIGINT)
        .doc("TRUNC(x[, d]): truncated toward zero to d decimal places")
        .bind(b -> NumericKernels.round(b, true)));
    add(Fn.numeric("SIGN").sig(NUMERIC, NUMERIC).doc("-1, 0 or 1").bind(NumericKernels::sign));
    add(Fn.numeric("POWER").alias("POW").sig(DOUBLE, DOUBLE, DOUBLE).doc("x raised to y")
        .doubles(Maths::power));
    add(Fn.numeric("SQRT").sig(DOUBLE, DOUBLE).doc("Square root").doubles(Maths::sqrt));
    add(Fn.numeric("LN").sig(DOUBLE, DOUBLE).doc("Natural logarithm").doubles(Maths::ln));
    add(Fn.numeric("LOG10").sig(DOUBLE, DOUBLE).doc("Base-10 logarithm").doubles(Maths::log10));
    add(Fn.numeric("EXP").sig(DOUBLE, DOUBLE).doc("e raised to x").doubles(Maths::exp));
    add(Fn.numeric("PI").sig(DOUBLE).doc("π").bind(b -> Kernel.constant(Math.PI)));
  }

  private static void dates() {
    add(Fn.date("YEAR").sig(BIGINT, DATETIME).doc("Year").longs(Dates::year));
    add(Fn.date("MONTH").sig(BIGINT, DATETIME).doc("Month 1-12").longs(Dates::month));
    add(Fn.date("DAY").alias("DAYOFMONTH").sig(BIGINT, DATETIME).doc("Day of month 1-31")
        .longs(Dates::day));
    add(Fn.date("HOUR").sig(BIGINT, DATETIME).doc("Hour 0-23").longs(Dates::hour));
    add(Fn.date("MINUTE").sig(BIGINT, DATETIME).doc("Minute 0-59").longs(Dates::minute));
    add(Fn.date("SECOND").sig(BIGINT, DATETIME).doc("Second 0-59").longs(Dates::second));
    add(Fn.date("QUARTER").sig(BIGINT, DATETIME).doc("Quarter 1-4").longs(Dates::quarter));
    add(Fn.date("DAYOFWEEK").sig(BIGINT, DATETIME).doc("Day of week, 1 = Sunday .. 7 = Saturday")
        .longs(Dates::dayOfWeek));
    add(Fn.date("ISO_DAYOFWEEK").sig(BIGINT, DATETIME)
        .doc("ISO day of week, 1 = Monday .. 7 = Sunday").longs(Dates::isoDayOfWeek));
    add(Fn.date("DAYOFYEAR").sig(BIGINT, DATETIME).doc("Day of year 1-366")
        .longs(Dates::dayOfYear));
    add(Fn.date("ISO_YEAR").sig(BIGINT, DATETIME).doc("ISO-8601 week-based year")
        .longs(Dates::isoYear));
    add(Fn.date("ISO_WEEK").alias("WEEK").sig(BIGINT, DATETIME).doc("ISO-8601 week 1-53")
        .longs(Dates::isoWeek));
    add(Fn.date("YEARWEEK").sig(BIGINT, DATETIME).doc("ISO_YEAR * 100 + ISO_WEEK")
        .longs(Dates::yearWeek));
    add(Fn.date("UNIX_TIMESTAMP").sig(BIGINT).sig(BIGINT, DATETIME).nonDeterministic()
        .doc("Seconds since 1970-01-01 00:00:00 UTC (of now, or of the argument)")
        .bind(b -> b.argCount() == 0 ? Kernel.constant(Math.floorDiv(now(), 1000L))
            : Kernel.longs(Dates::unixTimestamp)));
    add(Fn.date("NOW").alias("CURRENTTIMESTAMP").sig(TIMESTAMP).nonDeterministic()
        .doc("The current timestamp (UTC), fixed for the statement; also currentTimestamp()")
        .bind(b -> Kernel.constant(now())));
    add(Fn.date("CURRENT_TIMESTAMP").alias("LOCALTIMESTAMP").parsedByCalcite().sig(TIMESTAMP)
        .nonDeterministic().doc("The current timestamp (UTC)")
        .bind(b -> Kernel.constant(now())));
    add(Fn.date("TODAY").sig(DATE).nonDeterministic().doc("The current date (UTC)")
        .bind(b -> Kernel.constant(Math.floorDiv(now(), Dates.DAY))));
    add(Fn.date("CURRENT_DATE").parsedByCalcite().sig(DATE).nonDeterministic()
        .doc("The current date (UTC)")
        .bind(b -> Kernel.constant(Math.floorDiv(now(), Dates.DAY))));
    add(Fn.date("CURRENT_TIME").alias("LOCALTIME").parsedByCalcite().sig(TIMESTAMP)
        .nonDeterministic().doc("The current time of day (UTC)")
        .bind(b -> Kernel.constant(Math.floorMod(now(), Dates.DAY)).returning(DataType.TIME)));
    add(Fn.date("DATE_TRUNC").sig(TIMESTAMP, VARCHAR, DATETIME).prepare(0, Dates.Unit::parse)
        .doc("DATE_TRUNC(unit, t): t truncated to the unit (millisecond .. millennium; week"
            + " starts on Monday)")
        .row((in, r, out) -> out.setLong(r, Dates.truncate(in.prepared(0, r), in.i64(1, r)))));
    add(Fn.date("DATE_ADD").sig(TIMESTAMP, DATETIME, BIGINT)
        .doc("DATE_ADD(t, n): t plus n days (a DATE for a DATE, else a TIMESTAMP)")
        .bind(b -> addDays(b, false)));
    add(Fn.date("DATE_SUB").sig(TIMESTAMP, DATETIME, BIGINT)
        .doc("DATE_SUB(t, n): t minus n days (a DATE for a DATE, else a TIMESTAMP)")
        .bind(b -> addDays(b, true)));
    add(Fn.date("DATEDIFF").sig(BIGINT, DATETIME, DATETIME)
        .doc("DATEDIFF(a, b): days from b to a (dates only)").longs(Dates::dateDiff));
    add(Fn.date("TO_CHAR").sig(VARCHAR, DATETIME, VARCHAR).sig(VARCHAR, NUMERIC, VARCHAR)
        .prepare(1, ToCharFormat::new)
        .doc("TO_CHAR(t, format): PostgreSQL patterns YYYY MM DD HH24 HH12 MI SS MS AM Mon Month"
            + " Dy Day DDD D ID IW IYYY Q, \"text\"; TO_CHAR(number, format): 9 0 . , D G S MI"
            + " PR FM $ (an integer with a date pattern is epoch milliseconds)")
        .bind(ToCharFormat::kernel));
    add(Fn.date("DATE_FORMAT").sig(VARCHAR, DATETIME, VARCHAR).prepare(1, DateFormat::mysql)
        .doc("DATE_FORMAT(t, format): MySQL patterns %Y %y %m %c %d %e %H %h %i %s %f %p %M %b"
            + " %W %a %j %w")
        .row((in, r, out) -> out.setString(r,
            in.<DateFormat>prepared(1, r).format(in.i64(0, r)))));
  }

  /** Evaluated by the engine itself; listed for metadata and documentation. */
  private static void vectors() {
    add(Fn.numeric("COSINE_DISTANCE").sig(DOUBLE, VECTOR, VECTOR)
        .doc("1 - cosine similarity of two vectors (0 = same direction); 1 if either is all"
            + " zeros, as HYBRID SEARCH ... METRIC cosine scores")
        .row((in, r, out) -> out.setDouble(r, VectorFunctions.cosineDistance(in, r))));
    add(Fn.numeric("L2_DISTANCE").sig(DOUBLE, VECTOR, VECTOR)
        .doc("Euclidean distance of two vectors, as METRIC l2 scores")
        .row((in, r, out) -> out.setDouble(r, VectorFunctions.l2Distance(in, r))));
    add(Fn.numeric("INNER_PRODUCT").sig(DOUBLE, VECTOR, VECTOR)
        .doc("Inner (dot) product of two vectors, as METRIC dot scores")
        .row((in, r, out) -> out.setDouble(r, VectorFunctions.innerProduct(in, r))));
  }

  private static void engineBuiltins() {
    add(Fn.engine("CAST", Fn.Category.SYSTEM).doc("CAST(x AS type)"));
    add(Fn.engine("COALESCE", Fn.Category.SYSTEM).doc("First non-NULL argument"));
    add(Fn.engine("NULLIF", Fn.Category.SYSTEM).doc("NULLIF(a, b): NULL if a = b, else a"));
    add(Fn.engine("GREATEST", Fn.Category.NUMERIC).doc("Largest argument; NULL arguments are ignored (PostgreSQL)"));
    add(Fn.engine("LEAST", Fn.Category.NUMERIC).doc("Smallest argument; NULL arguments are ignored (PostgreSQL)"));
    add(Fn.engine("MOD", Fn.Category.NUMERIC).doc("MOD(a, b): remainder, sign of a; b = 0 is an"
        + " error"));
    add(Fn.engine("EXTRACT", Fn.Category.TIMEDATE).doc("EXTRACT(unit FROM t): YEAR, QUARTER,"
        + " MONTH, WEEK, DAY, DOW, ISODOW, DOY, HOUR, MINUTE, SECOND, EPOCH, ISOYEAR, ..."));
  }

  private static Kernel addDays(Binding b, boolean subtract) {
    int sign = subtract ? -1 : 1;
    if (b.argType(0).kind() == io.velaria.engine.type.TypeKind.DATE) {
      return Kernel.longs((ms, n) -> Math.addExact(Dates.days(ms),
          Math.multiplyExact(sign, n))).returning(DataType.DATE);
    }
    return Kernel.longs((ms, n) -> Math.addExact(ms,
        Math.multiplyExact(Math.multiplyExact(sign, n), Dates.DAY))).returning(DataType.TIMESTAMP);
  }

  /** Constant start and length (the usual case) become a one-argument string function. */
  /** With a literal pattern, the compiled pattern is bound into a one-argument predicate. */
  private static Kernel regexpLike(Binding b) {
    Object pattern = b.isConstant(1) ? b.constant(1) : null;
    if (pattern instanceof String) {
      Pattern p = Regex.compile((String) pattern);
      return Kernel.stringPredicate(s -> p.matcher(s).find());
    }
    return Kernel.row((in, r, out) -> out.setBoolean(r, Regex.like(in.str(0, r),
        in.prepared(1, r))));
  }

  private static Kernel substr(Binding b) {
    Object start = b.isConstant(1) ? b.constant(1) : null;
    Object len = b.argCount() > 2 && b.isConstant(2) ? b.constant(2) : null;
    if (start instanceof Long && b.argCount() == 2) {
      long s = (Long) start;
      return Kernel.strings(x -> Strings.substr(x, s));
    }
    if (start instanceof Long && len instanceof Long) {
      long s = (Long) start;
      long n = (Long) len;
      return Kernel.strings(x -> Strings.substr(x, s, n));
    }
    return Kernel.row((in, r, out) -> out.setString(r, in.count() == 2
        ? Strings.substr(in.str(0, r), in.i64(1, r))
        : Strings.substr(in.str(0, r), in.i64(1, r), in.i64(2, r))));
  }

  private static void concat(In in, int r, Out out) {
    StringBuilder sb = new StringBuilder();
    for (int a = 0; a < in.count(); a++) {
      sb.append(in.str(a, r));
    }
    out.setString(r, sb.toString());
  }

  private static void concatWs(In in, int r, Out out) {
    String sep = in.str(0, r);
    StringBuilder sb = new StringBuilder();
    for (int a = 1; a < in.count(); a++) {
      if (a > 1) {
        sb.append(sep);
      }
      sb.append(in.str(a, r));
    }
    out.setString(r, sb.toString());
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private static void add(Fn f) {
    ALL.add(f);
    BY_NAME.put(f.name.toUpperCase(Locale.ROOT), f);
    for (String a : f.aliases) {
      BY_NAME.put(a.toUpperCase(Locale.ROOT), f);
    }
  }

  /** The definition for a name or alias (any case), or null. */
  public static Fn lookup(String name) {
    return BY_NAME.get(name.toUpperCase(Locale.ROOT));
  }

  /** All definitions, in registration order. */
  public static List<Fn> all() {
    return Collections.unmodifiableList(ALL);
  }

  /** Every callable function name and alias, sorted (for DatabaseMetaData.getFunctions). */
  public static List<String> names() {
    TreeSet<String> out = new TreeSet<>();
    for (Map.Entry<String, Fn> e : BY_NAME.entrySet()) {
      if (Character.isLetter(e.getKey().charAt(0))) {
        out.add(e.getKey().equals("CURRENTTIMESTAMP") ? "currentTimestamp" : e.getKey());
      }
    }
    return List.copyOf(out);
  }

  /** Names of one JDBC group, comma-separated (for DatabaseMetaData.getStringFunctions...). */
  public static String names(Fn.Category category) {
    List<String> out = new ArrayList<>();
    for (String n : names()) {
      if (lookup(n).category == category) {
        out.add(n);
      }
    }
    return String.join(",", out);
  }

  /** The operators the SQL validator sees (one per name and alias). */
  public static SqlOperatorTable operatorTable() {
    SqlOperatorTable t = table;
    if (t == null) {
      List<SqlOperator> ops = new ArrayList<>();
      for (Fn f : ALL) {
        if (!f.sqlOperator) {
          continue;
        }
        ops.add(new FunctionOperator(f, f.name));
        for (String a : f.aliases) {
          ops.add(new FunctionOperator(f, a.toUpperCase(Locale.ROOT)));
        }
      }
      t = SqlOperatorTables.of(ops);
      table = t;
    }
    return t;
  }
}
