package io.velaria.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Compares two query results: same row count and width, numbers equal within a relative
 * tolerance of 1e-6 (decimals and doubles compared numerically; a DECIMAL result may also
 * differ by its own rounding, half a unit in its last place), dates as ISO text, strings exactly.
 * Ordered results are compared row by row; others as sorted multisets.
 */
public final class ResultComparator {
    static final double RELATIVE_TOLERANCE = 1e-6;

    private ResultComparator() {}

    /** A number with the rounding its type allows (half a unit in the last place of a DECIMAL). */
    record Num(double value, double halfUlp) {
        @Override
        public String toString() {
            return String.valueOf(value);
        }
    }

    /** Null when the results agree, else what differs. */
    public static String difference(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
        if (expected.size() != actual.size()) {
            return "row count " + actual.size() + ", expected " + expected.size();
        }
        List<List<Object>> left = normalize(expected);
        List<List<Object>> right = normalize(actual);
        if (!ordered) {
            left.sort(ROW_ORDER);
            right.sort(ROW_ORDER);
        }
        for (int i = 0; i < left.size(); i++) {
            String difference = rowDifference(left.get(i), right.get(i));
            if (difference != null) {
                return (ordered ? "row " : "sorted row ") + (i + 1) + ": " + difference
                        + "; expected " + left.get(i) + ", got " + right.get(i);
            }
        }
        return null;
    }

    private static String rowDifference(List<Object> expected, List<Object> actual) {
        if (expected.size() != actual.size()) {
            return actual.size() + " columns, expected " + expected.size();
        }
        for (int c = 0; c < expected.size(); c++) {
            if (!same(expected.get(c), actual.get(c))) {
                return "column " + (c + 1);
            }
        }
        return null;
    }

    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Num && b instanceof Num) {
            Num x = (Num) a;
            Num y = (Num) b;
            double scale = Math.max(Math.abs(x.value()), Math.abs(y.value()));
            double tolerance = Math.max(RELATIVE_TOLERANCE * scale, x.halfUlp() + y.halfUlp());
            return Math.abs(x.value() - y.value()) <= tolerance + 1e-12;
        }
        return a.equals(b);
    }

    static List<List<Object>> normalize(List<List<Object>> rows) {
        List<List<Object>> result = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> normalized = new ArrayList<>(row.size());
            for (Object value : row) {
                normalized.add(normalize(value));
            }
            result.add(normalized);
        }
        return result;
    }

    static Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal) {
            BigDecimal decimal = (BigDecimal) value;
            double halfUlp = decimal.scale() > 0 ? 0.5 * Math.pow(10, -decimal.scale()) : 0;
            return new Num(decimal.doubleValue(), halfUlp);
        }
        if (value instanceof Number) {
            return new Num(((Number) value).doubleValue(), 0);
        }
        if (value instanceof java.sql.Date) {
            return ((java.sql.Date) value).toLocalDate().toString();
        }
        if (value instanceof LocalDate) {
            return value.toString();
        }
        return value.toString();
    }

    private static final Comparator<Object> VALUE_ORDER = (a, b) -> {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Num && b instanceof Num) {
            return Double.compare(((Num) a).value(), ((Num) b).value());
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return a.toString().compareTo(b.toString());
    };

    private static final Comparator<List<Object>> ROW_ORDER = (x, y) -> {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            int c = VALUE_ORDER.compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.size(), y.size());
    };
}
