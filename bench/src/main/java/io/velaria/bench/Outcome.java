package io.velaria.bench;

import java.util.List;

/**
 * What one query execution gave: its status, the wall time from execute to the last row read,
 * the row count, the rows themselves when they were kept, and the error text if it failed.
 */
public record Outcome(Status status, long nanos, long rowCount, List<List<Object>> rows, String error) {
    public enum Status { OK, ERROR, TIMEOUT, STUCK, SKIPPED }

    static Outcome ok(long nanos, long rowCount, List<List<Object>> rows) {
        return new Outcome(Status.OK, nanos, rowCount, rows, null);
    }

    static Outcome failed(Status status, String error) {
        return new Outcome(status, 0, 0, null, error);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    public double millis() {
        return nanos / 1e6;
    }

    /** "timeout", "error: ...", ... for reports. */
    public String describe() {
        switch (status) {
            case OK: return rowCount + " rows";
            case TIMEOUT: return "timeout";
            case STUCK: return "stuck (ignored cancel)";
            case SKIPPED: return "skipped: " + error;
            default: return "error: " + error;
        }
    }
}
